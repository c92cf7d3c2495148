// The frame of a cluster-wide view: heading with the cluster picker, Reload and extras; a skeleton until the view's
// data arrives (or the read's error in place, or "connect a cluster" when none is), then the body; `after` (e.g. the
// plan dialog) renders in every state.
import { Button } from '@mantine/core';
import { RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { Page } from '../../ui/Page.js';

export function ClusterViewFrame<T>({
  testId,
  title,
  description,
  clusterId,
  picker,
  data,
  error,
  onReload,
  bar,
  after,
  children,
}: {
  testId: string;
  /** the view's heading (defaults to none given: the picker bar alone) */
  title?: string;
  description?: ReactNode;
  clusterId: string | undefined;
  picker: ReactNode;
  data: T | undefined;
  /** the read's failure, shown in place of the body */
  error?: AppError | string | undefined;
  onReload?: () => void;
  bar?: ReactNode;
  after?: ReactNode;
  children(data: T): ReactNode;
}) {
  return (
    <section className="ops-view" data-testid={testId}>
      <Page
        title={title ?? ''}
        {...(description ? { description } : {})}
        actions={
          <>
            {picker}
            {onReload && (
              <Button
                variant="default"
                size="xs"
                leftSection={<RefreshCw size={14} aria-hidden />}
                disabled={!clusterId}
                onClick={onReload}
              >
                Reload
              </Button>
            )}
            {bar}
          </>
        }
        loading={Boolean(clusterId) && data === undefined && !error}
        {...(error ? { error, ...(onReload ? { onRetry: onReload } : {}) } : {})}
        empty={
          !clusterId && {
            title: 'No cluster connected',
            hint: 'Connect a cluster on the Clusters screen first; this view then shows it.',
          }
        }
      >
        {data !== undefined && children(data)}
      </Page>
      {after}
    </section>
  );
}
