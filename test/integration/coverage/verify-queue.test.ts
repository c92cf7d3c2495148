// The "verify latest backups" queue against the simulator: one plan restores, boots, checks and destroys each queued
// archive in turn; each result is persisted as it finishes and shows in coverage.list; a failed verification does
// not stop the ones after it, and the plan then ends failed naming it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageRow, QueueItem } from '../../../src-shared/ipc/channels/coverage.js';
import type { EventMessage } from '../../../src-main/ipc/event-bus.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

let fx: OpsFixture;
const events: EventMessage[] = [];

beforeAll(async () => {
  fx = await startOpsFixture();
  fx.services.events.subscribe((m) => events.push(m));
});
afterAll(async () => {
  await fx?.close();
});

const coverage = async () => (await fx.ok('coverage.list', { profileIds: [fx.root] })).clusters[0]!;
const rows = async (): Promise<CoverageRow[]> => (await coverage()).rows;

/** the first n VMs that have a backup, as queue items of their newest archive */
async function queueOf(n: number): Promise<QueueItem[]> {
  const withBackup = (await rows()).filter((r) => r.newest && r.type === 'qemu' && !r.template).slice(0, n);
  expect(withBackup.length).toBe(n);
  return withBackup.map((r) => ({ vmid: r.vmid, type: r.type, volid: r.newest!.volid }));
}

async function runQueue(items: QueueItem[]) {
  const node = (await coverage()).nodes[0]!;
  const plan = await fx.ok('coverage.verifyPlan', { profileId: fx.root, node, items, timeoutSec: 30 });
  expect(plan.blocked).toBe(false);
  const result = await fx.ok('plans.run', { planId: plan.id });
  const report = await fx.ok('coverage.queueReport', { planId: plan.id });
  return { plan, result, report };
}

describe('verify latest backups', () => {
  it('plans every queued verification in one plan: restore, start, check, stop and destroy each', async () => {
    const items = await queueOf(2);
    const plan = await fx.ok('coverage.verifyPlan', {
      profileId: fx.root,
      node: (await coverage()).nodes[0]!,
      items,
    });
    expect(plan.calls).toHaveLength(10);
    expect(plan.calls.filter((c) => c.method === 'DELETE')).toHaveLength(2);
    expect(plan.diff.map((d) => d.key)).toEqual([`1. ${items[0]!.volid}`, `2. ${items[1]!.volid}`, 'order']);
    // the report exists before the run: everything waits
    const report = await fx.ok('coverage.queueReport', { planId: plan.id });
    expect(report.items.map((i) => [i.vmid, i.state])).toEqual(items.map((i) => [i.vmid, 'pending']));
  });

  it('runs two verifications in a row; both pass, persist, and show as verified in the coverage', async () => {
    const before = (await rows()).map((r) => r.vmid);
    const items = await queueOf(2);
    const { plan, result, report } = await runQueue(items);
    expect(result.state).toBe('succeeded');
    expect(report.items.map((i) => i.state)).toEqual(['pass', 'pass']);
    expect(report.items.every((i) => i.cleanedUp)).toBe(true);
    expect(result.steps.map((s) => `${s.method} ${s.state}`)).toEqual(
      Array(2).fill(['POST done', 'POST done', 'POST done', 'POST done', 'DELETE done']).flat(),
    );
    const after = await rows();
    for (const i of items) {
      const row = after.find((r) => r.vmid === i.vmid)!;
      expect(row.newest?.volid).toBe(i.volid);
      expect(row.newest?.verified?.state).toBe('pass');
    }
    // no scratch guest is left behind
    expect(after.map((r) => r.vmid)).toEqual(before);
    const lines = (await readFile(join(fx.configDir, 'verify-results.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.slice(-2).map((l) => (JSON.parse(l) as { volid: string }).volid)).toEqual(
      items.map((i) => i.volid),
    );
    expect(
      events.some((m) => m.event === 'plans.changed' && (m.payload as { planId: string }).planId === plan.id),
    ).toBe(true);
  }, 120_000);

  it('a failed verification does not stop the next one; the plan ends failed and names it', async () => {
    const items = await queueOf(2);
    fx.sim.cluster.control.failNextTask('qmstart', 'start failed: kvm: no space');
    const { result, report } = await runQueue(items);
    expect(report.items.map((i) => i.state)).toEqual(['fail', 'pass']);
    expect(report.items[0]!.detail).toMatch(/start failed/);
    expect(report.items.every((i) => i.cleanedUp)).toBe(true);
    expect(result.state).toBe('failed');
    expect(result.error?.message).toContain(`1 of 2 verifications failed: ${items[0]!.volid}`);
    const after = await rows();
    expect(after.find((r) => r.vmid === items[0]!.vmid)?.newest?.verified?.state).toBe('fail');
    expect(after.find((r) => r.vmid === items[1]!.vmid)?.newest?.verified?.state).toBe('pass');
  }, 120_000);

  it('refuses an archive queued twice', async () => {
    const [item] = await queueOf(1);
    const reply = await fx.call('coverage.verifyPlan', {
      profileId: fx.root,
      node: (await coverage()).nodes[0]!,
      items: [item!, item!],
    });
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error.message).toMatch(/queued twice/);
  });
});
