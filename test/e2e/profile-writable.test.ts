// e2e: a read-only profile becomes writable only through its own confirmed step — unticking "Read-only" opens a
// dialog that needs the profile's name typed, and the change lands in the audit log (#14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { card } from './connect-support.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 1, guests: 2, seed: 3, controlPort: false });
  app = await startApp();
  await connectThroughUi(app.page, sim, 'Guarded', 'ops@pve!ops', { readOnly: true });
}, 90_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('clearing read-only', () => {
  it('needs the typed profile name, then the card loses its read-only badge', async () => {
    const page = app.page;
    await card(page, 'Guarded').getByTestId('badge-readonly').waitFor();
    await card(page, 'Guarded').getByTestId('edit-profile').click();
    // the box does not untick by itself: the dialog opens instead
    await page.getByTestId('profile-readonly').click();
    expect(await page.getByTestId('profile-readonly').isChecked()).toBe(true);
    const confirm = page.getByTestId('writable-confirm');
    await page.getByTestId('writable-confirm-text').fill('Guard');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('writable-confirm-text').fill('Guarded');
    await confirm.click();
    await page.getByTestId('writable-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => card(page, 'Guarded').getByTestId('badge-readonly').count()).toBe(0);
  }, 60_000);
});
