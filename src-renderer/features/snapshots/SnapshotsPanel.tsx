// The guest's Snapshots tab: the tree with NOW, one-click snapshot and rollback, create with options, rollback and delete.
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { SnapshotEntry } from '../../../src-shared/ipc/channels/snapshots.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { snapshotTreeLines } from '../../../src-shared/plans/diff.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useSnapshotList } from '../../data/guest-reads.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { CreateSnapshotForm } from './CreateSnapshotForm.js';

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

const when = (t?: number): string => (t ? new Date(t * 1000).toLocaleString() : '');

export function SnapshotsPanel({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const list = useSnapshotList(g.clusterId, ref).data;
  const [creating, setCreating] = useState(false);
  const readOnly = useReadOnly(g.clusterId);
  const { clusterId, node, type, vmid } = g;
  const flow = usePlanFlow(clusterId);
  const latest = list?.snapshots.find((s) => s.name === 'current')?.parent;
  const busy = readOnly || flow.building;
  const vars = { profileId: clusterId, node, type, vmid };
  return (
    <section data-testid="snapshots-panel">
      <div className="plan-bar">
        <ActionButton
          action="snapshot.create"
          vars={vars}
          disabled={busy}
          onClick={() => void flow.start({ kind: 'snapshot.create', guest: ref })}
          testId="snapshot-one-click"
        >
          One-click snapshot
        </ActionButton>
        <ActionButton
          action="snapshot.rollback"
          vars={vars}
          disabled={busy || !latest}
          onClick={() => void flow.start({ kind: 'snapshot.rollback', guest: ref })}
          testId="snapshot-rollback-latest"
        >
          Roll back to latest{latest ? ` (${latest})` : ''}
        </ActionButton>
        <ActionButton
          action="snapshot.create"
          vars={vars}
          disabled={busy}
          onClick={() => setCreating((c) => !c)}
          testId="snapshot-create"
        >
          Take snapshot…
        </ActionButton>
      </div>
      {creating && (
        <CreateSnapshotForm
          allowRam={g.type === 'qemu' && (list?.running ?? g.status === 'running')}
          onSubmit={(f) => {
            setCreating(false);
            void flow.start({ kind: 'snapshot.create', guest: ref, ...f });
          }}
        />
      )}
      {!list ? (
        <p className="muted">Loading…</p>
      ) : (
        <table className="config-table" data-testid="snapshot-tree">
          <tbody>
            {treeRows(list.snapshots).map(({ depth, snap }) => (
              <tr key={snap.name} data-testid="snapshot-row" data-name={snap.name}>
                <th style={{ paddingLeft: `${8 + depth * 16}px` }}>
                  {snap.name === 'current' ? <strong>NOW</strong> : snap.name}
                  {snap.vmstate && <span className="muted"> (RAM)</span>}
                </th>
                <td>{snap.name === 'current' ? '' : when(snap.snaptime)}</td>
                <td>{snap.name === 'current' ? 'You are here' : snap.description}</td>
                <td>
                  {snap.name !== 'current' && (
                    <>
                      <ActionButton
                        action="snapshot.rollback"
                        vars={{ ...vars, snapname: snap.name }}
                        disabled={busy}
                        onClick={() =>
                          void flow.start({ kind: 'snapshot.rollback', guest: ref, snapname: snap.name })
                        }
                        testId="snapshot-rollback"
                      >
                        Roll back
                      </ActionButton>{' '}
                      <ActionButton
                        action="snapshot.delete"
                        vars={{ ...vars, snapname: snap.name }}
                        disabled={busy}
                        onClick={() =>
                          void flow.start({ kind: 'snapshot.delete', guest: ref, snapname: snap.name })
                        }
                        testId="snapshot-delete"
                      >
                        Delete
                      </ActionButton>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flow.dialog}
    </section>
  );
}
