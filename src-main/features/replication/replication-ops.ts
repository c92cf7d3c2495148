// Replication view and plans: every job with its state from its source node; create a job; run one now and wait for the sync.
import type { ReplicationAction, ReplicationJobView } from '../../../src-shared/ipc/channels/replication.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterResources } from '../../pve/api/cluster.js';
import { listNodes } from '../../pve/api/nodes.js';
import {
  createReplicationJob,
  getReplicationStatus,
  listNodeReplication,
  listReplicationJobs,
  scheduleReplicationNow,
} from '../../pve/api/replication.js';
import type { BuiltAction } from '../../plans/plan-types.js';
import { clusterAction } from '../../plans/cluster-plan.js';
import { actionCall } from '../../../src-shared/plans/plan.js';

export async function replicationView(
  c: PveCaller,
): Promise<{ jobs: ReplicationJobView[]; nodes: string[] }> {
  const nodes = await listNodes(c);
  const online = nodes.filter((n) => n.status === 'online').map((n) => n.node);
  const [jobs, states] = await Promise.all([
    listReplicationJobs(c),
    Promise.all(online.map((n) => listNodeReplication(c, n).catch(() => []))),
  ]);
  const byId = new Map(states.flat().map((s) => [s.id, s]));
  const view = jobs.map(
    (j): ReplicationJobView =>
      byId.get(j.id) ?? {
        ...j,
        source: '',
        lastSync: 0,
        lastTry: 0,
        duration: 0,
        failCount: 0,
        running: false,
      },
  );
  return { jobs: view.sort((a, b) => a.id.localeCompare(b.id)), nodes: nodes.map((n) => n.node).sort() };
}

async function guestNode(c: PveCaller, vmid: number): Promise<string> {
  const g = (await getClusterResources(c, 'vm')).find((r) => r.vmid === vmid);
  if (!g?.node) throw new AppFailure('not_found', `Guest ${vmid} does not exist`);
  return g.node;
}

/** schedule_now answers at once; the step follows the job's state until the run finished (bounded) */
export async function runReplicationNow(
  c: PveCaller,
  node: string,
  id: string,
  pollMs: number,
  timeoutMs = 600_000,
): Promise<undefined> {
  const before = await getReplicationStatus(c, node, id);
  await scheduleReplicationNow(c, node, id);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await getReplicationStatus(c, node, id);
    if (s.lastTry > before.lastTry && !s.running) {
      if (s.error) throw new AppFailure('server_error', `replication ${id} failed: ${s.error}`);
      return undefined;
    }
    if (Date.now() >= deadline)
      throw new AppFailure('timeout', `replication ${id} did not finish within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export async function buildReplication(
  a: ReplicationAction,
  c: PveCaller,
  pollMs: number,
): Promise<BuiltAction> {
  const jobs = await listReplicationJobs(c);
  if (a.kind === 'replication.create') {
    const node = await guestNode(c, a.guest);
    if (node === a.target)
      throw new AppFailure(
        'bad_parameter',
        `Guest ${a.guest} already runs on ${a.target}; pick another target node`,
      );
    if (jobs.some((j) => j.guest === a.guest && j.target === a.target))
      throw new AppFailure('conflict', `Guest ${a.guest} already replicates to ${a.target}`);
    const jobnum =
      Math.max(-1, ...jobs.filter((j) => j.guest === a.guest).map((j) => Number(j.id.split('-')[1]))) + 1;
    const id = `${a.guest}-${jobnum}`;
    const params = {
      id,
      type: 'local',
      target: a.target,
      schedule: a.schedule,
      rate: a.rate,
      comment: a.comment,
    };
    return clusterAction(
      {
        title: `Replicate guest ${a.guest} from ${node} to ${a.target}`,
        targets: [{ kind: 'node', id: a.target }],
        diff: [
          {
            kind: 'config',
            key: `replication ${id}`,
            change: 'added',
            after: `${node} → ${a.target}, schedule ${a.schedule ?? '*/15'}${a.rate ? `, ${a.rate} MB/s` : ''}`,
          },
        ],
        warnings: [],
      },
      [
        {
          call: actionCall('replication.manage', 'POST', '/cluster/replication', { vmid: a.guest }, params),
          run: (x) => createReplicationJob(x, params),
        },
      ],
    );
  }
  const job = jobs.find((j) => j.id === a.id);
  if (!job) throw new AppFailure('not_found', `No replication job ${a.id}`);
  const node = await guestNode(c, job.guest);
  const s = await getReplicationStatus(c, node, a.id);
  return clusterAction(
    {
      title: `Run replication ${a.id} now (${node} → ${job.target})`,
      targets: [{ kind: 'node', id: node }],
      diff: [
        {
          kind: 'config',
          key: `replication ${a.id} last sync`,
          change: 'changed',
          before: s.lastSync ? new Date(s.lastSync * 1000).toISOString() : 'never',
          after: 'now',
        },
      ],
      warnings: s.running ? [{ code: 'locked', message: `replication ${a.id} is running right now` }] : [],
    },
    [
      {
        call: actionCall('replication.run', 'POST', '/nodes/{node}/replication/{id}/schedule_now', {
          node,
          id: a.id,
          vmid: job.guest,
        }),
        run: (x) => runReplicationNow(x, node, a.id, pollMs),
      },
    ],
  );
}
