// e2e mutation faults through the confirm-diff dialog: the connection drops after the start request was sent (never
// resent; the dialog reports the state read back afterwards), and a task that fails mid-way shows PVE's log lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOutcomeLog,
  logged,
  navStillWorks,
  openInventory,
  startFaultRig,
  type FaultRig,
} from './harness/fault-rig.js';

let rig: FaultRig;
let stopped: Array<{ vmid: number; node: string }>;
const report = createOutcomeLog('mutation');
const dialog = () => rig.page.getByTestId('confirm-diff-dialog');
const startPath = (g: { vmid: number; node: string }): string =>
  `/nodes/${g.node}/qemu/${g.vmid}/status/start`;

/** Opens the guest, presses Start and waits for the plan to be shown. */
async function planStart(vmid: number): Promise<void> {
  const page = rig.page;
  await openInventory(page);
  await page.getByTestId('grid-filter').fill(String(vmid));
  await page.locator(`[data-testid=guest-row][data-vmid="${vmid}"]`).first().click();
  await page.getByTestId('guest-view').waitFor();
  await page.getByTestId('guest-action-start').click();
  await dialog().waitFor();
}

async function confirmAndWaitFailed(): Promise<string> {
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('failed');
  return (await dialog().getByTestId('plan-end').textContent()) ?? '';
}

beforeAll(async () => {
  rig = await startFaultRig({}, 'Mutations');
  stopped = [];
  for (let vmid = 100; vmid < 130; vmid++) {
    const g = rig.sim.cluster.guestStatus?.(vmid);
    if (g?.type === 'qemu' && g.status === 'stopped') stopped.push({ vmid, node: g.node });
  }
  expect(stopped.length).toBeGreaterThanOrEqual(2);
});

afterAll(async () => {
  report.print();
  await rig?.close();
});

describe('mutation faults in the app', () => {
  it('the connection drops after the start was sent: one POST, no resend, the real state is reported', async () => {
    const g = stopped[0]!;
    await planStart(g.vmid);
    const before = logged(rig.sim, 'POST', startPath(g));
    rig.sim.faults.set({ reset: true, resetRate: 1, pathPrefix: startPath(g) });
    const end = await confirmAndWaitFailed();
    rig.sim.faults.set({ reset: true });
    expect(logged(rig.sim, 'POST', startPath(g)) - before).toBe(1);
    // what happened is read back from the cluster, not guessed: the guest is still stopped there and in the dialog
    const actual = rig.sim.cluster.guestStatus?.(g.vmid)?.status;
    expect(actual).toBe('stopped');
    expect(end).toContain(`qemu/${g.vmid}: ${actual}`);
    expect(await dialog().locator('[data-testid=plan-call][data-state=failed]').count()).toBe(1);
    await dialog().getByTestId('plan-close').click();
    const navMs = await navStillWorks(rig.page);
    // after the dialog closed and the user moved on, still exactly one POST: nothing retried it in the background
    expect(logged(rig.sim, 'POST', startPath(g)) - before).toBe(1);
    report.record(
      'connection drop after a mutation was sent',
      `plan failed, 1 POST (never resent), end state read back: ${actual}; nav ${navMs} ms`,
    );
  });

  it('a task failing mid-way: the dialog shows the failure and the PVE task log lines', async () => {
    const g = stopped[1]!;
    await planStart(g.vmid);
    rig.sim.cluster.control.failNextTask('qmstart', 'start failed: simulated disk error');
    const end = await confirmAndWaitFailed();
    expect(end).toMatch(/simulated disk error/);
    const log = (await dialog().getByTestId('plan-task-log').textContent()) ?? '';
    expect(log).toMatch(/simulated disk error/);
    expect(end).toContain(`qemu/${g.vmid}: stopped`);
    await dialog().getByTestId('plan-close').click();
    report.record(
      'task failing mid-way',
      `plan failed with the PVE exit status; ${log.split('\n').length} task log lines in the dialog`,
    );
    expect(rig.app.pageErrors).toEqual([]);
  });
});
