// e2e for the converted screens (#16): Backups, HA, Tasks, Permissions and the token wizard have no serious/critical
// accessibility violations in either scheme; with the read-only auditor token every disabled action says why (a
// privilege on a concrete path or a blocking state) and no view stays loading; invalid forms speak in sentences.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yProblems, useScheme } from './harness/axe.js';
import { JARGON, screenSteps, startRootAndAuditor, type ScreensRig } from './harness/screens.js';

let rig: ScreensRig;
let ids: ScreensRig['ids'];
const page = (): Page => rig.app.page;
const tid = (id: string) => page().getByTestId(id);
const { openView, closeNotifications, disabledReasons } = screenSteps(page);
const REASON =
  /needs [A-Z][\w.]+ on \/[\w/.:-]*\d*|read-only|protected|no other node|names no guest|being prepared/;

beforeAll(async () => {
  rig = await startRootAndAuditor({ nodes: 2, guests: 12, seed: 16, controlPort: false, quirks: true });
  ids = rig.ids;
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

describe('converted screens', () => {
  it('has no serious or critical accessibility violations on Backups, HA, Tasks, Permissions and the wizard', async () => {
    const problems: Record<string, unknown> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page(), scheme);
      for (const view of ['backups', 'ha', 'tasks']) {
        await openView(view, ids.root);
        await closeNotifications();
        problems[`${view}/${scheme}`] = await seriousA11yProblems(page());
      }
      await tid('nav-permissions').click();
      await tid('permissions-profile').selectOption(ids.root);
      await tid('permissions-tab-matrix').click();
      await tid('permissions-matrix').waitFor();
      await closeNotifications();
      problems[`permissions/${scheme}`] = await seriousA11yProblems(page());
      await tid('permissions-tab-wizard').click();
      await tid('token-wizard').waitFor();
      problems[`wizard/${scheme}`] = await seriousA11yProblems(page());
    }
    expect(problems).toEqual({
      'backups/light': [],
      'ha/light': [],
      'tasks/light': [],
      'permissions/light': [],
      'wizard/light': [],
      'backups/dark': [],
      'ha/dark': [],
      'tasks/dark': [],
      'permissions/dark': [],
      'wizard/dark': [],
    });
  }, 180_000);

  it('the read-only auditor: every disabled action names a privilege or a blocking state; no view stays loading', async () => {
    const found: Record<string, Array<{ label: string; reason: string }>> = {};
    for (const view of ['backups', 'ha', 'tasks']) {
      await openView(view, ids.auditor);
      await expect.poll(() => tid('page-loading').count()).toBe(0);
      found[view] = await disabledReasons(`${view}-view`);
      for (const { label, reason } of found[view]) expect(`${label}: ${reason}`).toMatch(REASON);
    }
    // the archive table offers restore/verify/delete per row, all refused to a reader with the privilege named
    expect(found.backups!.length).toBeGreaterThan(0);
    expect(found.backups!.map((b) => b.reason).join('\n')).toMatch(/needs \S+ on \/(vms\/\d+|storage\/\S+)/);
    expect(found.backups!.map((b) => b.reason).join('\n')).not.toContain('{');
  }, 120_000);

  it('invalid wizard and restore forms say what is wrong in words', async () => {
    await tid('nav-permissions').click();
    await tid('permissions-profile').selectOption(ids.root);
    await tid('permissions-tab-wizard').click();
    await tid('wizard-scope').selectOption('guests');
    await tid('wizard-vmids').fill('12, abc');
    await tid('wizard-userid').fill('no realm');
    await page().keyboard.press('Escape');
    await tid('wizard-tokenid').fill('1');
    await tid('wizard-generate').click();
    const wizard = (await tid('token-wizard').innerText()).toLowerCase();
    expect(wizard).toContain('guests: guest ids are whole numbers');
    expect(wizard).toContain('user: a name, then @ and the realm');
    expect(wizard).toContain('token name: a letter');
    for (const j of JARGON) expect(wizard).not.toContain(j);
    await tid('wizard-scope').selectOption('pool');
    await tid('wizard-generate').click();
    expect((await tid('token-wizard').innerText()).toLowerCase()).toContain('pool: choose a pool');

    await openView('backups', ids.root);
    await tid('all-backups').locator('[data-testid=backup-restore]:enabled').first().click();
    await tid('restore-vmid').fill('12');
    await tid('restore-submit').click();
    const restore = await tid('restore-form-error').innerText();
    expect(restore).toContain('Guest ID: a whole number from 100');
    for (const j of JARGON) expect(restore.toLowerCase()).not.toContain(j);
    expect(await tid('confirm-diff-dialog').count()).toBe(0);

    await tid('job-schedule').fill('');
    await tid('job-vmids').fill('5');
    await tid('job-submit').click();
    const job = await tid('job-form-error').innerText();
    expect(job).toContain('Schedule: when to run');
    for (const j of JARGON) expect(job.toLowerCase()).not.toContain(j);
    expect(rig.app.pageErrors).toEqual([]);
  }, 120_000);
});
