// e2e for the screens converted by screens-d (#16): Firewall, SDN, Ceph, Replication, Maintenance, Updates, the
// permissions matrix with its guest actions, the wizard's apply step and the inventory's toolbar, column chooser,
// value picker, row menu and node cards have no serious/critical accessibility violations in either scheme; their
// forms submitted empty or invalid answer in sentences about the field; for the read-only auditor every disabled
// action says why.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yProblems, useScheme, type AxeProblem } from './harness/axe.js';
import { JARGON, screenSteps, startRootAndAuditor, type ScreensRig } from './harness/screens.js';

let rig: ScreensRig;
let ids: ScreensRig['ids'];
const page = (): Page => rig.app.page;
const tid = (id: string) => page().getByTestId(id);
const { openView, closeNotifications, disabledReasons } = screenSteps(page);
const REASON = /needs [A-Z][\w.]+ on \/[\w/.:-]*|read-only|being prepared|pending|loading|no guest can move/;
const CLUSTER_VIEWS = ['firewall', 'sdn', 'ceph', 'replication', 'maintenance'] as const;

beforeAll(async () => {
  rig = await startRootAndAuditor({ nodes: 3, guests: 20, seed: 5, controlPort: false, taskDurationMs: 100 });
  ids = rig.ids;
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

/** The text of a form after submitting it, lower-cased, checked for tool words. */
async function formText(testId: string): Promise<string> {
  const text = (await tid(testId).innerText()).toLowerCase();
  for (const j of JARGON) expect(text, `${testId}: ${text}`).not.toContain(j);
  return text;
}

async function inventoryProblems(): Promise<Record<string, AxeProblem[]>> {
  await tid('nav-inventory').click();
  await tid('node-card').first().waitFor();
  await expect.poll(() => tid('guest-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const out: Record<string, AxeProblem[]> = {};
  out.inventory = await seriousA11yProblems(page());
  await tid('grid-columns').click();
  await tid('column-chooser').waitFor();
  out.columns = await seriousA11yProblems(page(), '[data-testid=column-chooser]');
  await tid('grid-columns').click();
  await tid('picker-type').click();
  await tid('picker-menu-type').waitFor();
  out.picker = await seriousA11yProblems(page(), '[data-testid=picker-menu-type]');
  await tid('picker-menu-type').getByText('Close').click();
  await page().locator('[data-testid=guest-row]').first().getByTestId('row-menu-button').click();
  await tid('row-menu').waitFor();
  out.rowMenu = await seriousA11yProblems(page(), '[data-testid=row-menu]');
  await page().keyboard.press('Escape');
  return out;
}

describe('screens-d screens', () => {
  it('has no serious or critical accessibility violations on its screens in either scheme', async () => {
    const problems: Record<string, unknown> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page(), scheme);
      for (const view of CLUSTER_VIEWS) {
        await openView(view, ids.root);
        if (view === 'firewall')
          await tid('firewall-view').getByRole('button', { name: 'Add rule…' }).click();
        if (view === 'maintenance') {
          await tid('evacuate-preview').click();
          await tid('evacuate-moves').waitFor();
        }
        await closeNotifications();
        problems[`${view}/${scheme}`] = await seriousA11yProblems(page());
      }
      await tid('nav-updates').click();
      await expect.poll(() => tid('updates-node').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await closeNotifications();
      problems[`updates/${scheme}`] = await seriousA11yProblems(page());

      await tid('nav-permissions').click();
      await tid('permissions-profile').selectOption(ids.auditor);
      await tid('permissions-tab-matrix').click();
      await tid('permissions-matrix').waitFor();
      await tid('guest-actions-vmid').fill('100');
      await page().keyboard.press('Escape');
      await closeNotifications();
      problems[`permissions/${scheme}`] = await seriousA11yProblems(page());

      await tid('permissions-profile').selectOption(ids.root);
      await tid('permissions-tab-wizard').click();
      await tid('wizard-scope').selectOption('guests');
      await tid('wizard-vmids').fill('100');
      await page().keyboard.press('Escape');
      await tid('wizard-generate').click();
      await tid('wizard-apply').waitFor();
      problems[`wizard-apply/${scheme}`] = await seriousA11yProblems(page());

      for (const [k, v] of Object.entries(await inventoryProblems())) problems[`${k}/${scheme}`] = v;
    }
    const none = Object.fromEntries(Object.keys(problems).map((k) => [k, []]));
    expect(problems).toEqual(none);
    expect(Object.keys(problems)).toHaveLength(2 * (CLUSTER_VIEWS.length + 3 + 4));
  }, 300_000);

  it('forms submitted empty or invalid say what is wrong in words', async () => {
    await openView('firewall', ids.root);
    await tid('firewall-view').getByRole('button', { name: 'Add rule…' }).click();
    await tid('fw-dport').fill('22 23');
    await tid('fw-iface').fill('1');
    await tid('fw-submit').click();
    const fw = await formText('fw-rule-form');
    expect(fw).toContain('dest. port: ports or ranges');
    expect(fw).toContain('interface: an interface name');
    await tid('fw-dport').fill('22');
    await tid('fw-iface').fill('');
    await tid('fw-submit').click();
    expect(await formText('fw-rule-form')).toContain('protocol: ports need a protocol');
    expect(await tid('confirm-diff-dialog').count()).toBe(0);

    await openView('sdn', ids.root);
    await tid('sdn-vnet-submit').click();
    expect(await formText('sdn-vnet-form')).toContain('vnet name: letters and digits');
    await tid('sdn-subnet-submit').click();
    expect(await formText('sdn-subnet-form')).toContain('subnet: an ipv4 network');
    await tid('sdn-subnet-cidr').fill('10.1.0.0/24');
    await tid('sdn-subnet-gateway').fill('gateway');
    await tid('sdn-subnet-submit').click();
    expect(await formText('sdn-subnet-form')).toContain('gateway: an ipv4 address');
    expect(await tid('confirm-diff-dialog').count()).toBe(0);

    await openView('replication', ids.root);
    await tid('replication-schedule').fill('every "day"');
    await tid('replication-submit').click();
    const rep = await formText('replication-form');
    expect(rep).toContain('guest: choose the guest');
    expect(rep).toContain('schedule: a calendar event');
    expect(await tid('confirm-diff-dialog').count()).toBe(0);

    await tid('nav-permissions').click();
    await tid('permissions-profile').selectOption(ids.root);
    await tid('permissions-tab-matrix').click();
    await tid('guest-actions-vmid').fill('12');
    await page().keyboard.press('Escape');
    expect(await formText('guest-actions')).toContain('guest id: a whole number from 100');
    expect(rig.app.pageErrors).toEqual([]);
  }, 120_000);

  it('the read-only auditor: every disabled action on these screens names a privilege or a blocking state', async () => {
    const found: Record<string, string[]> = {};
    for (const view of CLUSTER_VIEWS) {
      await openView(view, ids.auditor);
      await expect.poll(() => tid('page-loading').count()).toBe(0);
      found[view] = (await disabledReasons(`${view}-view`)).map((b) => `${b.label}: ${b.reason}`);
      for (const line of found[view]) expect(line, `${view}: ${found[view].join(' | ')}`).toMatch(REASON);
    }
    expect(found.firewall!.join('\n')).toMatch(/needs Sys\.Modify on \//);
    expect(found.sdn!.join('\n')).toMatch(/needs SDN\.Allocate on \/sdn/);
    expect(found.replication!.join('\n')).toMatch(/needs VM\.Replicate on \/vms\/\d+/);
    expect(Object.values(found).join('\n')).not.toContain('{');
  }, 120_000);
});
