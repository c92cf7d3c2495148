// The replication view: jobs with last/next sync, duration and failures; create a job and "run now" through plans.
import { useState } from 'react';
import type { ReplicationAction } from '../../../src-shared/ipc/channels/replication.js';
import { planReplication, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { Field, SelectField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

const when = (s: number | undefined): string => (s ? new Date(s * 1000).toLocaleString() : '–');

export function ReplicationView() {
  const { clusterId, picker } = useClusterChoice();
  const rep = useClusterRead(
    'replication.view',
    clusterId ? { profileId: clusterId } : undefined,
    'Cannot read replication jobs',
  );
  const flow = usePlanFlow(clusterId, rep.reload, planReplication);
  const [form, setForm] = useState({ guest: '', target: '', schedule: '*/15' });
  const v = rep.data;
  const vars = { profileId: clusterId ?? '' };
  const plan = (action: ReplicationAction): void => {
    void flow.start(action);
  };
  const target = form.target || v?.nodes[0] || '';
  return (
    <ClusterViewFrame
      testId="replication-view"
      clusterId={clusterId}
      picker={picker}
      data={v}
      onReload={rep.reload}
      after={flow.dialog}
    >
      {(v) => (
        <>
          <table className="config-table" data-testid="replication-jobs">
            <thead>
              <tr>
                <th>Job</th>
                <th>Guest</th>
                <th>Source → target</th>
                <th>Schedule</th>
                <th>Last sync</th>
                <th>Next sync</th>
                <th>Duration</th>
                <th>Failures</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.jobs.map((j) => (
                <tr key={j.id} data-testid="replication-job" data-id={j.id}>
                  <td>
                    {j.id}
                    {j.enabled ? '' : ' (disabled)'}
                    {j.removing ? ' (removing)' : ''}
                  </td>
                  <td>{j.guest}</td>
                  <td>
                    {j.source || '?'} → {j.target}
                  </td>
                  <td>{j.schedule}</td>
                  <td data-testid="replication-last-sync" data-epoch={j.lastSync}>
                    {j.running ? 'running…' : when(j.lastSync)}
                  </td>
                  <td>{when(j.nextSync)}</td>
                  <td>{j.duration.toFixed(1)} s</td>
                  <td className={j.failCount ? 'ops-refusal' : ''}>
                    {j.failCount}
                    {j.error ? `: ${j.error}` : ''}
                  </td>
                  <td>
                    <ActionButton
                      action="replication.run"
                      vars={{ ...vars, vmid: j.guest, node: j.source, id: j.id }}
                      disabled={flow.building || !j.source}
                      onClick={() => plan({ kind: 'replication.runNow', id: j.id })}
                    >
                      Run now
                    </ActionButton>
                  </td>
                </tr>
              ))}
              {v.jobs.length === 0 && (
                <tr>
                  <td colSpan={9} className="muted">
                    no replication jobs
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <OpsForm onSubmit={() => undefined} data-testid="replication-form">
            <Field
              label="Guest"
              value={form.guest}
              onChange={(e) => setForm({ ...form, guest: e.target.value.replace(/\D/g, '') })}
              size={8}
              data-testid="replication-guest"
            />
            <SelectField
              label="Target"
              value={target}
              onChange={(e) => setForm({ ...form, target: e.target.value })}
              data-testid="replication-target"
            >
              {v.nodes.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </SelectField>
            <Field
              label="Schedule"
              value={form.schedule}
              onChange={(e) => setForm({ ...form, schedule: e.target.value })}
              size={10}
            />
            <ActionButton
              action="replication.manage"
              vars={{ ...vars, vmid: form.guest ? Number(form.guest) : undefined }}
              disabled={flow.building || form.guest === ''}
              onClick={() =>
                plan({
                  kind: 'replication.create',
                  guest: Number(form.guest),
                  target,
                  schedule: form.schedule,
                })
              }
            >
              Plan new job
            </ActionButton>
          </OpsForm>
        </>
      )}
    </ClusterViewFrame>
  );
}
