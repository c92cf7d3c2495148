// The guest's Snapshots tab: the tree with NOW, one-click snapshot and rollback (undoable by default), create with
// options, rollback and delete, the safety snapshots with undo and prune.
import { Badge, Group, Table } from '@mantine/core';
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { SnapshotEntry } from '../../../src-shared/ipc/channels/snapshots.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { snapshotTreeLines } from '../../../src-shared/plans/diff.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useSnapshotList } from '../../data/guest-reads.js';
import { ErrorState, PageSkeleton } from '../../ui/Page.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { lockReason } from '../guest-config/lock-reason.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { CreateSnapshotForm } from './CreateSnapshotForm.js';
import { RollbackOptions, type RollbackChoice } from './RollbackOptions.js';
import { SafetySnapshots } from './SafetySnapshots.js';
import { PolicyPanel } from '../snapshot-policy/PolicyPanel.js';

interface Row {
  depth: number;
  snap: SnapshotEntry;
}

/** The shared tree order (children under parents, NOW last), with each entry's depth. */
function treeRows(list: readonly SnapshotEntry[]): Row[] {
  const byName = new Map(list.map((s) => [s.name === 'current' ? 'NOW' : s.name, s]));
  return snapshotTreeLines(list).flatMap((line) => {
    const name = line.trimStart();
    const snap = byName.get(name);
    return snap ? [{ depth: (line.length - name.length) / 2, snap }] : [];
  });
}

export function SnapshotsPanel({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const snaps = useSnapshotList(g.clusterId, ref);
  const list = snaps.data;
  const [creating, setCreating] = useState(false);
  const [rollback, setRollback] = useState<RollbackChoice>({ safetySnapshot: true, safetyRam: false });
  const readOnly = useReadOnly(g.clusterId);
  const { clusterId, node, type, vmid } = g;
  const flow = usePlanFlow(clusterId);
  const latest = list?.snapshots.find((s) => s.name === 'current')?.parent;
  const blocked: string | boolean = readOnly
    ? 'the profile is read-only'
    : (lockReason(g.lock, 'config') ?? flow.building);
  const vars = { profileId: clusterId, node, type, vmid };
  const running = list?.running ?? g.status === 'running';
  const rollbackTo = (snapname?: string): void =>
    void flow.start({
      kind: 'snapshot.rollback',
      guest: ref,
      ...(snapname ? { snapname } : {}),
      ...(rollback.safetySnapshot
        ? { safetySnapshot: true, ...(rollback.safetyRam && running ? { safetyRam: true } : {}) }
        : {}),
    });
  return (
    <section data-testid="snapshots-panel">
      <Group gap="xs" className="plan-bar" mb="sm">
        <ActionButton
          action="snapshot.create"
          vars={vars}
          disabled={blocked}
          onClick={() => void flow.start({ kind: 'snapshot.create', guest: ref })}
          testId="snapshot-one-click"
        >
          One-click snapshot
        </ActionButton>
        <ActionButton
          action="snapshot.rollback"
          vars={vars}
          disabled={blocked || (latest ? false : 'no snapshot to roll back to yet')}
          onClick={() => rollbackTo()}
          testId="snapshot-rollback-latest"
        >
          Roll back to latest{latest ? ` (${latest})` : ''}
        </ActionButton>
        <ActionButton
          action="snapshot.create"
          vars={vars}
          disabled={blocked}
          onClick={() => setCreating((c) => !c)}
          testId="snapshot-create"
        >
          Take snapshot…
        </ActionButton>
      </Group>
      {creating && (
        <CreateSnapshotForm
          allowRam={g.type === 'qemu' && running}
          onSubmit={(f) => {
            setCreating(false);
            void flow.start({ kind: 'snapshot.create', guest: ref, ...f });
          }}
        />
      )}
      <RollbackOptions value={rollback} allowRam={g.type === 'qemu' && running} onChange={setRollback} />
      {list && (
        <SafetySnapshots
          snapshots={list.snapshots}
          vars={vars}
          blocked={blocked}
          onUndo={(snapname) => void flow.start({ kind: 'snapshot.undo-rollback', guest: ref, snapname })}
          onPrune={(keep) => void flow.start({ kind: 'snapshot.prune-safety', guest: ref, keep })}
        />
      )}
      {snaps.error && !list ? (
        <ErrorState error={snaps.error.error} onRetry={() => void snaps.refetch()} />
      ) : !list ? (
        <PageSkeleton rows={3} />
      ) : (
        <Table striped withTableBorder className="config-table" data-testid="snapshot-tree">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {treeRows(list.snapshots).map(({ depth, snap }) => (
              <Table.Tr key={snap.name} data-testid="snapshot-row" data-name={snap.name}>
                <Table.Th scope="row" style={{ paddingLeft: `${8 + depth * 16}px` }}>
                  {snap.name === 'current' ? <strong>NOW</strong> : snap.name}
                  {snap.vmstate && (
                    <Badge ml="xs" size="xs" variant="light">
                      RAM
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>
                  {snap.name === 'current' || !snap.snaptime ? (
                    ''
                  ) : (
                    <RelativeTime at={snap.snaptime * 1000} />
                  )}
                </Table.Td>
                <Table.Td>
                  {snap.name === 'current'
                    ? list.snapshots.length === 1
                      ? 'You are here. No snapshots yet: take one to have a point to roll back to.'
                      : 'You are here'
                    : snap.description}
                </Table.Td>
                <Table.Td>
                  {snap.name !== 'current' && (
                    <Group gap={4} wrap="nowrap">
                      <ActionButton
                        action="snapshot.rollback"
                        vars={{ ...vars, snapname: snap.name }}
                        size="xs"
                        disabled={blocked}
                        onClick={() => rollbackTo(snap.name)}
                        testId="snapshot-rollback"
                      >
                        Roll back
                      </ActionButton>
                      <ActionButton
                        action="snapshot.delete"
                        vars={{ ...vars, snapname: snap.name }}
                        size="xs"
                        color="red"
                        disabled={blocked}
                        onClick={() =>
                          void flow.start({ kind: 'snapshot.delete', guest: ref, snapname: snap.name })
                        }
                        testId="snapshot-delete"
                      >
                        Delete
                      </ActionButton>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PolicyPanel guest={g} blocked={readOnly ? 'the profile is read-only' : false} />
      {flow.dialog}
    </section>
  );
}
