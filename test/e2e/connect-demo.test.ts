// e2e: the profiles `npm run demo` seeds through its 0600 hand-off file — the read-only one is marked read-only, pinned
// profiles connect without a trust prompt, and "Import from environment" says when there is nothing to import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_FILE_ENV, DemoSetup, writeDemoFile } from '../../src-main/demo/demo-env.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { backFromInventory } from './harness/connect-ui.js';
import { card } from './connect-support.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const AUDITOR = 'auditor@pve!ro';
const OPS = 'ops@pve!ops';

let sim: RunningSim;
let app: StartedApp;
let handoff: string | undefined;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 6, seed: 3, controlPort: false });
  const demo = {
    host: '127.0.0.1',
    port: sim.port,
    fingerprint: sim.fingerprint,
    profiles: [
      {
        name: 'Demo operator',
        auth: { kind: 'token', tokenId: OPS },
        secret: DEMO_TOKENS[OPS],
        readOnly: false,
        color: '#3b82f6',
      },
      {
        name: 'Demo auditor',
        auth: { kind: 'token', tokenId: AUDITOR },
        secret: DEMO_TOKENS[AUDITOR],
        readOnly: true,
        color: '#10b981',
      },
    ],
  };
  // Without PVE_* variables, so the import button has nothing to import.
  handoff = await mkdtemp(path.join(tmpdir(), 'proxdeck-demo-test-'));
  const file = await writeDemoFile(handoff, DemoSetup.parse(demo));
  app = await startApp({
    env: { [DEMO_FILE_ENV]: file, PVE_HOST: '', PVE_TOKEN_ID: '', PVE_TOKEN_SECRET: '' },
  });
  // The app read the secrets once and removed the file.
  expect(existsSync(file)).toBe(false);
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
  if (handoff) await rm(handoff, { recursive: true, force: true });
});

describe('demo profiles on the connect screen', () => {
  it('opens on the Clusters view and marks only the read-only profile read-only', async () => {
    await app.page.getByTestId('view-clusters').waitFor();
    await card(app.page, 'Demo auditor').getByTestId('badge-readonly').waitFor();
    expect(await card(app.page, 'Demo operator').getByTestId('badge-readonly').count()).toBe(0);
    expect(await app.page.getByTestId('profile-card').count()).toBe(2);
    expect(await app.page.getByTestId('profile-form').count()).toBe(0);
  });

  it('connects a pinned profile without asking to trust, and shows its read-only flag in the edit form', async () => {
    const c = card(app.page, 'Demo auditor');
    expect(await c.getByTestId('badge-unpinned').count()).toBe(0);
    await c.getByTestId('connect').click();
    await backFromInventory(app.page);
    await c.getByTestId('connection-summary').waitFor();
    expect(await c.getByTestId('trust-certificate').count()).toBe(0);
    expect(await c.getByTestId('summary-fingerprint').textContent()).toBe(sim.fingerprint);
    await c.getByTestId('edit-profile').click();
    expect(await c.getByTestId('profile-readonly').isChecked()).toBe(true);
    await c.getByTestId('profile-cancel').click();
  });

  it('says so when the environment has nothing to import', async () => {
    await app.page.getByTestId('import-env').click();
    const notice = app.page.getByTestId('connect-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('PVE_HOST');
    expect(await app.page.getByTestId('profile-card').count()).toBe(2);
    expect(app.pageErrors).toEqual([]);
  });
});
