// The Permissions view: pick a connected cluster, see what its identity may do (feature matrix, guest actions), set up a token.
import { NativeSelect, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { getBridge } from '../../bridge.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { ErrorState, Page, PageSkeleton } from '../../ui/Page.js';
import { useConnectStore } from '../connect/connect-store.js';
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
    <Text size="sm" data-testid="permissions-identity">
      <strong>{matrix.identity}</strong> · {kind} · evaluated on {matrix.targetCount} guests
      {matrix.userAnswerProblem && (
        <span className="muted"> · user side unknown: {matrix.userAnswerProblem}</span>
      )}
    </Text>
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

  const connected = useConnectStore((s) => s.connections[profileId]?.state === 'connected');
  const [problem, setProblem] = useState<AppError>();
  const load = useCallback(async (id: string) => {
    setMatrix(undefined);
    setProblem(undefined);
    if (!id) return;
    const reply = await getBridge().invoke('permissions.matrix', { profileId: id });
    if (reply.ok) setMatrix(reply.value);
    else setProblem(reply.error);
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
      <Page
        title="Permissions"
        description="What the connected identity may do on this cluster, and the exact commands for a least-privilege token."
        actions={
          <>
            <NativeSelect
              size="xs"
              label="Cluster"
              value={profileId}
              onChange={(e) => setProfileId(e.currentTarget.value)}
              data-testid="permissions-profile"
              data={profiles.map((p) => ({
                value: p.id,
                label: `${p.name} (${p.auth.kind === 'token' ? p.auth.tokenId : `${p.auth.username}@${p.auth.realm}`})`,
              }))}
            />
            <ReasonButton
              size="xs"
              onClick={() =>
                void request('permissions.get', { profileId, refresh: true }).then(() => load(profileId))
              }
              disabled={!profileId && 'no cluster profile yet: add one on the Clusters screen'}
            >
              Re-read
            </ReasonButton>
          </>
        }
      >
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="matrix" data-testid="permissions-tab-matrix">
              What this identity may do
            </Tabs.Tab>
            <Tabs.Tab value="wizard" data-testid="permissions-tab-wizard">
              Set up a least-privilege token
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="matrix" pt="sm">
            {problem ? (
              <ErrorState error={problem} onRetry={() => void load(profileId)} />
            ) : !matrix ? (
              <div data-testid="permissions-waiting">
                {!profileId ? (
                  <Text size="sm" c="dimmed">
                    No cluster profile yet: add a cluster on the Clusters screen to see its permissions.
                  </Text>
                ) : connected ? (
                  <PageSkeleton rows={4} />
                ) : (
                  <Text size="sm" c="dimmed">
                    Connect this cluster on the Clusters screen to see what its identity may do.
                  </Text>
                )}
              </div>
            ) : (
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
          </Tabs.Panel>
          <Tabs.Panel value="wizard" pt="sm">
            <TokenWizard profileId={profileId} />
          </Tabs.Panel>
        </Tabs>
      </Page>
    </section>
  );
}
