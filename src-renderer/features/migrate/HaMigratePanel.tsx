// The guest's "HA & migrate" tab: HA membership (add, requested state, limits, remove) and migration with its preconditions.
import { Group, NativeSelect, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { HaStateControls } from '../ha/HaStateControls.js';
import { ErrorState, PageSkeleton } from '../../ui/Page.js';
import { lockReason } from '../guest-config/lock-reason.js';
import { ActionButton } from '../permissions/ActionButton.js';
import '../provision/operations.css';

export function HaMigratePanel({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const profileId = g.clusterId;
  const sid = `${g.type === 'qemu' ? 'vm' : 'ct'}:${g.vmid}`;
  const readOnly = useReadOnly(profileId);
  const ha = useClusterRead('operations.ha', { profileId }, 'Cannot read HA state');
  const info = useClusterRead(
    'operations.migrateInfo',
    { profileId, guest: ref },
    'Cannot read migration preconditions',
  );
  // no reload here: plans.changed refetches these, against the node the guest is on after the plan
  const flow = usePlanFlow(profileId, undefined, planOperation);
  const [target, setTarget] = useState('');
  const [targetStorage, setTargetStorage] = useState('');
  const res = ha.data?.resources.find((r) => r.sid === sid);
  const busy = readOnly || flow.building;
  const lock = lockReason(g.lock, 'config');
  const blocked: string | boolean | undefined = readOnly
    ? 'the profile is read-only'
    : (lock ?? flow.building);
  const vars = { profileId, node: g.node, type: g.type, vmid: g.vmid, sid };
  const start = (a: OperationAction): void => void flow.start(a);
  const allowed = info.data?.nodes.filter((n) => n.allowed) ?? [];
  const chosen = target || allowed[0]?.node || '';
  return (
    <section data-testid="ha-migrate-panel">
      <Title order={2} size="h4">
        High availability
      </Title>
      {ha.error && !ha.data ? (
        <ErrorState error={ha.error.error} onRetry={ha.reload} />
      ) : !ha.data ? (
        <PageSkeleton rows={2} />
      ) : res ? (
        <div data-testid="guest-ha">
          <p>
            <span data-testid="guest-ha-sid">{sid}</span> requested{' '}
            <strong data-testid="guest-ha-requested">{res.requested}</strong>, current{' '}
            <strong data-testid="guest-ha-current">{res.current}</strong> on{' '}
            <span data-testid="guest-ha-node">{res.node}</span> · max restart {res.maxRestart}, max relocate{' '}
            {res.maxRelocate}
          </p>
          <HaStateControls
            resource={res}
            nodes={ha.data.nodes.map((n) => n.node)}
            disabled={busy}
            onAction={start}
          />
        </div>
      ) : (
        <Group gap="sm" className="plan-bar">
          <Text size="sm" c="dimmed">
            Not managed by HA.
          </Text>
          <ActionButton
            action="ha.manage"
            vars={vars}
            disabled={readOnly ? 'the profile is read-only' : flow.building}
            onClick={() => start({ kind: 'ha.add', guest: ref, state: 'started' })}
            testId="ha-add"
          >
            Add to HA (started)
          </ActionButton>
        </Group>
      )}
      <Title order={2} size="h4" mt="md">
        Migrate
      </Title>
      {info.error && !info.data && info.error.error.code === 'permission_denied' ? (
        // PVE refuses the preconditions without VM.Migrate: the button names the privilege instead of an error
        <Group gap="sm" className="plan-bar">
          <ActionButton
            action="guest.migrate"
            vars={vars}
            variant="filled"
            onClick={() => undefined}
            disabled="the migration preconditions cannot be read"
            testId="migrate-submit"
          >
            Plan migration
          </ActionButton>
        </Group>
      ) : info.error && !info.data ? (
        <ErrorState error={info.error.error} onRetry={info.reload} />
      ) : !info.data ? (
        <PageSkeleton rows={3} />
      ) : (
        <form
          className="ops-form"
          data-testid="migrate-form"
          onSubmit={(e) => {
            e.preventDefault();
            start({
              kind: 'migrate',
              guest: ref,
              target: chosen,
              ...(targetStorage ? { targetStorage } : {}),
            });
          }}
        >
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label="Target node"
              value={chosen}
              onChange={(e) => setTarget(e.currentTarget.value)}
              data-testid="migrate-target"
              data={info.data.nodes.map((n) => ({
                value: n.node,
                label: `${n.node}${n.reason ? ` (${n.reason})` : ''}`,
                disabled: !n.allowed,
              }))}
            />
            <TextInput
              label="Target storage"
              placeholder="same as now"
              value={targetStorage}
              onChange={(e) => setTargetStorage(e.currentTarget.value)}
              data-testid="migrate-storage"
            />
            <ActionButton
              action="guest.migrate"
              vars={vars}
              type="submit"
              variant="filled"
              onClick={() => undefined}
              disabled={blocked ?? (chosen ? false : 'no other node may take this guest')}
              testId="migrate-submit"
            >
              Plan migration
            </ActionButton>
          </Group>
          <ul className="ops-note" data-testid="migrate-preconditions">
            <li>
              mode: {info.data.mode === 'ha' ? `through HA (${info.data.haState ?? ''})` : info.data.mode}
            </li>
            <li>local disks: {info.data.localDisks.length ? info.data.localDisks.join('; ') : 'none'}</li>
            {info.data.localResources.length > 0 && (
              <li>local resources: {info.data.localResources.join(', ')}</li>
            )}
          </ul>
        </form>
      )}
      {flow.dialog}
    </section>
  );
}
