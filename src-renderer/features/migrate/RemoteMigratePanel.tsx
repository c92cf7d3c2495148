// The guest's "Other cluster" tab: migrate it to another connected cluster (PVE's remote_migrate). Pick the target
// cluster, map each storage and bridge the guest uses; the plan shows the mapping and that the target's API token is
// handed to this cluster, and needs the typed confirm. The token's secret stays in main.
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { CheckField, Field, SelectField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { request } from '../../request.js';
import { useConnectStore } from '../connect/connect-store.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

export function RemoteMigratePanel({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const profileId = g.clusterId;
  const connections = useConnectStore((s) => s.connections);
  const profiles = useConnectStore((s) => s.profiles);
  const others = Object.values(connections)
    .filter((c) => c.state === 'connected' && c.profileId !== profileId)
    .map((c) => c.profileId);
  const [chosen, setChosen] = useState<string>();
  const target = chosen && others.includes(chosen) ? chosen : others[0];
  const info = useClusterRead(
    'migrate.remoteInfo',
    target ? { profileId, guest: ref, targetProfileId: target } : undefined,
    'Cannot read the target cluster',
  );
  const [storages, setStorages] = useState<Record<string, string>>({});
  const [bridges, setBridges] = useState<Record<string, string>>({});
  const [targetVmid, setTargetVmid] = useState('');
  const [deleteSource, setDeleteSource] = useState(false);
  const flow = usePlanFlow(profileId, info.reload, planWith);
  if (others.length === 0)
    return <p className="muted">Connect a second cluster to migrate this guest there.</p>;
  const i = info.data;
  const pick = (m: Record<string, string>, from: string, all: string[]): string =>
    m[from] ?? (all.includes(from) ? from : (all[0] ?? ''));
  const storageMap = Object.fromEntries(
    (i?.sourceStorages ?? []).map((s) => [s, pick(storages, s, i?.targetStorages ?? [])]),
  );
  const bridgeMap = Object.fromEntries(
    (i?.sourceBridges ?? []).map((b) => [b, pick(bridges, b, i?.targetBridges ?? [])]),
  );
  return (
    <section data-testid="remote-migrate">
      <OpsForm onSubmit={() => undefined}>
        <SelectField
          label="Target cluster"
          value={target ?? ''}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="remote-target"
        >
          {others.map((id) => (
            <option key={id} value={id}>
              {profiles.find((p) => p.id === id)?.name ?? id}
            </option>
          ))}
        </SelectField>
        {i?.sourceStorages.map((s) => (
          <SelectField
            key={s}
            label={`Storage ${s} →`}
            value={storageMap[s]}
            onChange={(e) => setStorages({ ...storages, [s]: e.target.value })}
            data-testid={`remote-storage-${s}`}
          >
            {i.targetStorages.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </SelectField>
        ))}
        {i?.sourceBridges.map((b) => (
          <SelectField
            key={b}
            label={`Bridge ${b} →`}
            value={bridgeMap[b]}
            onChange={(e) => setBridges({ ...bridges, [b]: e.target.value })}
            data-testid={`remote-bridge-${b}`}
          >
            {i.targetBridges.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </SelectField>
        ))}
        <Field
          label="ID on the target"
          value={targetVmid}
          placeholder={String(g.vmid)}
          onChange={(e) => setTargetVmid(e.target.value.replace(/\D/g, ''))}
          size={8}
          data-testid="remote-vmid"
        />
        <CheckField
          label="Delete it here afterwards"
          checked={deleteSource}
          onChange={(e) => setDeleteSource(e.target.checked)}
        />
        <ActionButton
          action="guest.remote-migrate"
          vars={{ profileId, node: g.node, vmid: g.vmid, type: g.type }}
          disabled={
            i && !i.targetHasToken
              ? 'the target cluster signs in with a password, not an API token'
              : flow.building || !i || !target
          }
          onClick={() =>
            void flow.start(() =>
              request(
                'migrate.remotePlan',
                {
                  profileId,
                  guest: ref,
                  targetProfileId: target!,
                  storageMap,
                  bridgeMap,
                  ...(targetVmid ? { targetVmid: Number(targetVmid) } : {}),
                  deleteSource,
                },
                'Cannot plan the migration',
              ),
            )
          }
          testId="remote-plan"
        >
          Plan migration to the other cluster
        </ActionButton>
      </OpsForm>
      {i && !i.targetHasToken && (
        <p className="ops-refusal">
          The target cluster signs in with a password: remote migration needs an API token profile. Create one
          with the token wizard (Permissions), preset “Cross-cluster migration target”: it may only receive
          guests.
        </p>
      )}
      {i?.vmidTaken && !targetVmid && (
        <p className="ops-refusal">ID {g.vmid} is taken on the target: enter another ID.</p>
      )}
      {flow.dialog}
    </section>
  );
}
