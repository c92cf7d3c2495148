// The Permissions view: pick a connected cluster, see what its identity may do (feature matrix, guest actions), set up a token.
import { useCallback, useEffect, useState } from 'react';
import type { PermissionsMatrix } from '../../../src-shared/ipc/channels/permissions.js';
import type { ProfileView } from '../../../src-shared/model/profile.js';
import { request } from '../../request.js';
import { useContractEvent } from '../../useContractEvent.js';
import { TokenWizard } from '../wizard/TokenWizard.js';
import { FeatureMatrix } from './FeatureMatrix.js';
import { GuestActions } from './GuestActions.js';
import './permissions.css';

type Tab = 'matrix' | 'wizard';

function IdentityLine({ matrix }: { matrix: PermissionsMatrix }) {
  const kind = !matrix.isToken
    ? 'user'
    : matrix.privsep === true
      ? 'privilege-separated token'
      : matrix.privsep === false
        ? 'token with its user’s privileges'
        : 'token';
  return (
    <p data-testid="permissions-identity">
      <strong>{matrix.identity}</strong> · {kind} · evaluated on {matrix.targetCount} guests
      {matrix.userAnswerProblem && (
        <span className="muted"> · user side unknown: {matrix.userAnswerProblem}</span>
      )}
    </p>
  );
}

export function PermissionsView() {
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [profileId, setProfileId] = useState<string>('');
  const [matrix, setMatrix] = useState<PermissionsMatrix | undefined>();
  const [tab, setTab] = useState<Tab>('matrix');

  useEffect(() => {
    let cancelled = false;
    void request('profiles.list', {}, 'Cannot list cluster profiles').then((r) => {
      if (cancelled || !r) return;
      setProfiles(r.profiles);
      setProfileId((current) => current || (r.profiles[0]?.id ?? ''));
    });
    return () => {
      cancelled = true;
    };
  }, [tab]);

  const load = useCallback(async (id: string) => {
    setMatrix(undefined);
    if (!id) return;
    const m = await request(
      'permissions.matrix',
      { profileId: id },
      'Cannot read the permissions (is the cluster connected?)',
    );
    if (m) setMatrix(m);
  }, []);

  useEffect(() => {
    void load(profileId);
  }, [profileId, load]);
  useContractEvent('permissions.changed', (p) => {
    if (p.profileId === profileId) void load(profileId);
  });

  const firstGapVmid = matrix?.effective.flatMap((r) => r.gaps).find((g) => typeof g.target.vmid === 'number')
    ?.target.vmid;
  return (
    <section className="permissions-view" data-testid="permissions-view">
      <header className="perm-head">
        <h2>Permissions</h2>
        <label>
          Cluster{' '}
          <select
            value={profileId}
            onChange={(e) => setProfileId(e.target.value)}
            data-testid="permissions-profile"
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.auth.kind === 'token' ? p.auth.tokenId : `${p.auth.username}@${p.auth.realm}`})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            void request('permissions.get', { profileId, refresh: true }).then(() => load(profileId))
          }
          disabled={!profileId}
        >
          Re-read
        </button>
      </header>
      <nav className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'matrix'}
          onClick={() => setTab('matrix')}
          data-testid="permissions-tab-matrix"
        >
          What this identity may do
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'wizard'}
          onClick={() => setTab('wizard')}
          data-testid="permissions-tab-wizard"
        >
          Set up a least-privilege token
        </button>
      </nav>
      {tab === 'matrix' && !matrix && <p className="muted">Connect a cluster to see its permissions.</p>}
      {tab === 'matrix' && matrix && (
        <>
          <IdentityLine matrix={matrix} />
          <FeatureMatrix matrix={matrix} />
          <GuestActions
            key={profileId}
            profileId={profileId}
            vmid={typeof firstGapVmid === 'number' ? firstGapVmid : undefined}
          />
        </>
      )}
      {tab === 'wizard' && <TokenWizard profileId={profileId} />}
    </section>
  );
}
