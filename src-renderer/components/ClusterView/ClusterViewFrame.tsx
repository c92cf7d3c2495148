// The frame of a cluster-wide view: plan bar (cluster picker, Reload, extras), a loading or "connect first" line
// until the view's data arrives, then the body; `after` (e.g. the plan dialog) renders in every state.
import type { ReactNode } from 'react';

export function ClusterViewFrame<T>({
  testId,
  clusterId,
  picker,
  data,
  onReload,
  bar,
  after,
  children,
}: {
  testId: string;
  clusterId: string | undefined;
  picker: ReactNode;
  data: T | undefined;
  onReload?: () => void;
  bar?: ReactNode;
  after?: ReactNode;
  children(data: T): ReactNode;
}) {
  return (
    <section className="ops-view" data-testid={testId}>
      <div className="plan-bar">
        {picker}
        {onReload && (
          <button type="button" onClick={onReload}>
            Reload
          </button>
        )}
        {bar}
      </div>
      {data === undefined ? (
        <p className="muted">{clusterId ? 'Loading…' : 'Connect a cluster first.'}</p>
      ) : (
        children(data)
      )}
      {after}
    </section>
  );
}
