// The Clusters screen: connected clusters with their colours, the profile list, add/import, and the add form.
import { useEffect } from 'react';
import { ErrorPanel } from './ErrorPanel.js';
import { ProfileForm } from '../profiles/ProfileForm.js';
import { ProfileList } from '../profiles/ProfileList.js';
import { startConnectSync, useConnectStore } from './connect-store.js';
import './connect.css';

function ConnectedClusters() {
  const profiles = useConnectStore((s) => s.profiles);
  const connections = useConnectStore((s) => s.connections);
  const connected = profiles.filter((p) => connections[p.id]?.state === 'connected');
  if (connected.length === 0) return null;
  return (
    <div className="connected-strip" data-testid="connected-clusters">
      <span className="muted">Connected:</span>
      {connected.map((p) => (
        <span
          key={p.id}
          className="cluster-chip"
          data-testid="connected-chip"
          data-profile={p.id}
          style={{ borderColor: p.color }}
        >
          <span className="color-dot" style={{ background: p.color }} aria-hidden="true" />
          {p.name}
        </span>
      ))}
    </div>
  );
}

export function ConnectView() {
  const loaded = useConnectStore((s) => s.loaded);
  const count = useConnectStore((s) => s.profiles.length);
  const adding = useConnectStore((s) => s.editing === 'new');
  const loadProblem = useConnectStore((s) => s.loadProblem);
  const screenError = useConnectStore((s) => s.screenError);
  const notice = useConnectStore((s) => s.notice);
  const { load, setEditing, importEnv } = useConnectStore.getState();
  useEffect(() => {
    startConnectSync();
    void load();
  }, [load]);

  return (
    <div className="connect-view" data-testid="connect-view">
      <div className="connect-toolbar">
        <h2>Clusters</h2>
        <button type="button" className="primary" data-testid="add-profile" onClick={() => setEditing('new')}>
          Add cluster
        </button>
        <button type="button" data-testid="import-env" onClick={() => void importEnv()}>
          Import from environment
        </button>
      </div>
      {notice && (
        <p className="cx-notice" data-testid="connect-notice">
          {notice}
        </p>
      )}
      {loadProblem && (
        <p className="warning-panel" data-testid="load-problem">
          {loadProblem}
        </p>
      )}
      {screenError && <ErrorPanel error={screenError} />}
      <ConnectedClusters />
      {loaded && count === 0 && !adding && (
        <p className="muted" data-testid="no-profiles">
          No clusters yet: add one with an API token, or import PVE_HOST, PVE_TOKEN_ID and PVE_TOKEN_SECRET
          from the environment.
        </p>
      )}
      {adding && <ProfileForm profile={undefined} />}
      <ProfileList />
    </div>
  );
}
