// e2e: firewall, SDN, Ceph and replication views in Chromium: simulator data shown, one change per area through the
// confirm-diff dialog (then read back from the simulator), and an auditor token that sees those actions disabled with the reason.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { call, login, type Login } from '../integration/pve-sim/core-client.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let root: Login;
const page = (): Page => app.page;
const dialog = () => page().getByTestId('confirm-diff-dialog');

/** what the simulator holds now, read as root@pam over its HTTPS API */
async function simGet(path: string): Promise<unknown> {
  const r = await call(sim, 'GET', path, { headers: root.cookie });
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
  return (r.json() as { data: unknown }).data;
}

async function open(view: string, cluster: 0 | 1): Promise<void> {
  await page().getByTestId(`nav-${view}`).click();
  await page().getByTestId(`${view}-view`).waitFor();
  await page().getByTestId(`${view}-view`).getByTestId('ops-cluster').selectOption({ index: cluster });
}

async function confirmAndFinish(): Promise<void> {
  await dialog().waitFor();
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 20_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
}

/** the ActionButton wrapper of an action inside a locator: disabled, with the missing privilege said next to it */
async function deniedReason(scope: ReturnType<Page['getByTestId']>, action: string): Promise<string> {
  const wrap = scope.locator(`[data-testid="action-${action}"]`).first();
  await expect.poll(() => wrap.getAttribute('data-permission'), { timeout: 10_000 }).toBe('denied');
  expect(await wrap.locator('button').isDisabled()).toBe(true);
  return (await wrap.getByTestId('action-reason').textContent()) ?? '';
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 20, seed: 5, controlPort: false, taskDurationMs: 100 });
  root = await login(sim);
  app = await startApp();
  await connectThroughUi(page(), sim, 'Root', {
    username: 'root',
    realm: 'pam',
    password: DEFAULT_ROOT_PASSWORD,
  });
  await connectThroughUi(page(), sim, 'Auditor', 'auditor@pve!ro');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('firewall', () => {
  it('shows the cluster rules, adds one through the dialog with its pvesh line, and the simulator has it on top', async () => {
    await open('firewall', 0);
    await expect.poll(() => page().getByTestId('fw-rule').count()).toBe(3);
    expect(await page().getByTestId('fw-rule-match').first().textContent()).toBe(
      'macro SSH, from 10.0.0.0/8',
    );
    await page().getByRole('button', { name: 'Add rule…' }).click();
    await page().getByTestId('fw-action').selectOption('DROP');
    await page().getByTestId('fw-proto').fill('tcp');
    await page().getByTestId('fw-dport').fill('3389');
    await page().getByTestId('fw-comment').fill('no rdp');
    await page().getByTestId('fw-submit').click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('plan-pvesh').first().textContent()).toMatch(
      /^pvesh create \/cluster\/firewall\/rules --type in --action DROP --enable 1 --proto tcp --dport 3389 --comment 'no rdp' --digest [0-9a-f]{40}$/,
    );
    await confirmAndFinish();
    const rules = (await simGet('/cluster/firewall/rules')) as Array<Record<string, unknown>>;
    expect(rules[0]).toMatchObject({ pos: 0, action: 'DROP', dport: '3389', enable: 1, comment: 'no rdp' });
    await expect.poll(() => page().getByTestId('fw-rule').count()).toBe(4);
  });

  it('the auditor sees the rules but adding, editing and deleting are disabled for Sys.Modify on /', async () => {
    await open('firewall', 1);
    await expect.poll(() => page().getByTestId('fw-rule').count()).toBe(4);
    expect(await deniedReason(page().getByTestId('firewall-view'), 'firewall.cluster.rules')).toContain(
      'Sys.Modify',
    );
  });
});

describe('sdn', () => {
  it('creates a vnet (pending), applies it through the dialog; the simulator runs it', async () => {
    await open('sdn', 0);
    await expect.poll(() => page().getByTestId('sdn-vnet').count()).toBe(2);
    await page().getByTestId('sdn-vnet-id').fill('vnet40');
    await page().getByTestId('sdn-vnet-zone').selectOption('vlanzone');
    await page().getByTestId('sdn-vnet-tag').fill('40');
    await page().getByRole('button', { name: 'Plan new vnet' }).click();
    await confirmAndFinish();
    await expect
      .poll(() =>
        page().locator('[data-testid=sdn-vnet][data-vnet=vnet40] [data-testid=sdn-vnet-state]').textContent(),
      )
      .toMatch(/^new/);
    expect(await page().getByTestId('sdn-pending').textContent()).toBe('1 pending change');
    await page().getByRole('button', { name: 'Apply…' }).click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('plan-pvesh').first().textContent()).toBe('pvesh set /cluster/sdn');
    await confirmAndFinish();
    const running = (await simGet('/cluster/sdn/vnets?running=1')) as Array<Record<string, unknown>>;
    expect(running.find((v) => v['vnet'] === 'vnet40')).toMatchObject({ zone: 'vlanzone', tag: 40 });
    await expect.poll(() => page().getByTestId('sdn-pending').textContent()).toBe('0 pending changes');
  });

  it('the auditor sees zones and vnets; apply is disabled for SDN.Allocate', async () => {
    await open('sdn', 1);
    await expect.poll(() => page().getByTestId('sdn-zone').count()).toBe(2);
    expect(await deniedReason(page().getByTestId('sdn-view'), 'sdn.apply')).toContain('SDN.Allocate');
  });
});

describe('ceph', () => {
  it('shows health, the six OSDs on three hosts and the pools', async () => {
    await open('ceph', 1);
    await expect.poll(() => page().getByTestId('ceph-health').textContent()).toBe('HEALTH_OK');
    expect(await page().getByTestId('ceph-osd').count()).toBe(6);
    expect(await page().getByTestId('ceph-pool').allTextContents()).toEqual([
      expect.stringMatching(/^\.mgr/),
      expect.stringMatching(/^ceph-vm/),
      expect.stringMatching(/^ceph-ct/),
    ]);
  });
});

describe('replication', () => {
  it('lists the jobs, runs one now through the dialog, and the simulator shows a newer last sync', async () => {
    await open('replication', 0);
    const row = page().getByTestId('replication-job').first();
    await row.waitFor();
    const id = (await row.getAttribute('data-id'))!;
    const guest = Number(id.split('-')[0]);
    const jobs = (await simGet('/cluster/replication')) as Array<Record<string, unknown>>;
    expect(jobs.map((j) => j['id'])).toContain(id);
    const node = sim.cluster.guestStatus!(guest)!.node;
    const before = (await simGet(`/nodes/${node}/replication/${id}/status`)) as Record<string, number>;
    await row.getByRole('button', { name: 'Run now' }).click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('plan-pvesh').first().textContent()).toBe(
      `pvesh create /nodes/${node}/replication/${id}/schedule_now`,
    );
    await confirmAndFinish();
    const after = (await simGet(`/nodes/${node}/replication/${id}/status`)) as Record<string, number>;
    expect(after['last_sync']).toBeGreaterThan(before['last_sync']!);
  });

  it('the auditor sees the jobs; run now is disabled for VM.Replicate', async () => {
    await open('replication', 1);
    await page().getByTestId('replication-job').first().waitFor();
    expect(await deniedReason(page().getByTestId('replication-jobs'), 'replication.run')).toContain(
      'VM.Replicate',
    );
  });
});
