// The saved cluster profiles: colour, address, identity, read-only mark, live state, and connect/test/edit.
import type { ProfileView } from '../../../src-shared/model/profile.js';
import { ConnectionStatus } from '../connect/ConnectionStatus.js';
import { ProfileForm } from './ProfileForm.js';
import { useConnectStore } from '../connect/connect-store.js';

const STATE_LABELS = {
  connecting: 'connecting…',
  connected: 'connected',
  failed: 'failed',
  disconnected: 'not connected',
};

function identityOf(p: ProfileView): string {
  return p.auth.kind === 'token' ? p.auth.tokenId : `${p.auth.username}@${p.auth.realm}`;
}

function ProfileCard({ profile }: { profile: ProfileView }) {
  const state = useConnectStore((s) => s.connections[profile.id]?.state ?? 'disconnected');
  const outcome = useConnectStore((s) => s.outcomes[profile.id]);
  const busy = useConnectStore((s) => s.busy[profile.id]);
  const editing = useConnectStore((s) => s.editing === profile.id);
  const { run, disconnect, setEditing } = useConnectStore.getState();
  const connected = state === 'connected';

  return (
    <li
      className="profile-card cx-panel"
      data-testid="profile-card"
      data-profile={profile.id}
      data-state={state}
      style={{ borderLeftColor: profile.color }}
    >
      <div className="profile-head">
        <span className="color-dot" style={{ background: profile.color }} aria-hidden="true" />
        <div className="profile-title">
          <strong data-testid="profile-card-name">{profile.name}</strong>
          <span className="muted">
            {profile.host}:{profile.port} · {identityOf(profile)}
          </span>
        </div>
        {profile.readOnly && (
          <span
            className="cx-badge cx-badge-readonly"
            data-testid="badge-readonly"
            title="Changes to this cluster are refused"
          >
            read-only
          </span>
        )}
        {!profile.pinnedFingerprint && (
          <span className="cx-badge" data-testid="badge-unpinned">
            certificate not trusted yet
          </span>
        )}
        {!profile.hasSecret && (
          <span className="cx-badge cx-badge-warn" data-testid="badge-nosecret">
            no secret stored
          </span>
        )}
        <span className={`cx-badge state-${state}`} data-testid="connection-state">
          {busy === 'open' ? 'connecting…' : STATE_LABELS[state]}
        </span>
      </div>
      <div className="profile-actions">
        {connected ? (
          <button
            type="button"
            data-testid="disconnect"
            disabled={busy !== undefined}
            onClick={() => void disconnect(profile.id)}
          >
            Disconnect
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="connect"
            disabled={busy !== undefined}
            onClick={() => void run(profile.id, 'open')}
          >
            Connect
          </button>
        )}
        <button
          type="button"
          data-testid="test-connection"
          disabled={busy !== undefined}
          onClick={() => void run(profile.id, 'test')}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          data-testid="edit-profile"
          onClick={() => setEditing(editing ? undefined : profile.id)}
        >
          Edit
        </button>
      </div>
      {editing && <ProfileForm key={profile.id} profile={profile} />}
      {outcome && <ConnectionStatus profile={profile} outcome={outcome} />}
    </li>
  );
}

export function ProfileList() {
  const profiles = useConnectStore((s) => s.profiles);
  return (
    <ul className="profile-list" data-testid="profile-list">
      {profiles.map((p) => (
        <ProfileCard key={p.id} profile={p} />
      ))}
    </ul>
  );
}
