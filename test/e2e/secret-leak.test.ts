// e2e (issue #4): secrets never leave main. A token imported from the environment with a unique marker secret goes
// through connect and several inventory polls; the marker must never appear in a WebSocket frame, the host's output,
// the config dir, the page's DOM or its storage. A password typed into the form crosses exactly once, in the save
// request, and never comes back. Deleting the profile removes its keychain entry. Needs a real Secret Service.
import { backFromInventory } from './harness/connect-ui.js';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { defaultTokenCfg, defaultUserCfg } from '../pve-sim/rbac/index.js';
import { addProfile, card, deleteProfile } from './connect-support.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const TOKEN_ID = 'ops@pve!leaktest';
const TOKEN_MARKER = `tok-marker-${randomUUID()}`;
const PASSWORD_MARKER = `pw-marker-${randomUUID()}`;
const POLLS = 3;

let sim: RunningSim;
let app: StartedApp;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Everything the renderer holds: the DOM (with input values) and both storages. */
async function pageState(): Promise<string> {
  const inputs = await app.page.evaluate(() =>
    [...document.querySelectorAll('input')].map((i) => i.value).join('\n'),
  );
  const storage = await app.page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  return `${await app.page.content()}\n${inputs}\n${storage}`;
}

function keychainEntries(): string {
  // secret-tool prints matching items (attributes and secrets) to stdout, and labels to stderr.
  return execFileSync('secret-tool', ['search', '--all', 'service', 'proxdeck'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function resourcePolls(principal: string): number {
  return sim.requestLog.filter((r) => r.path.endsWith('/cluster/resources') && r.principal === principal)
    .length;
}

beforeAll(async () => {
  sim = await startSimulator({
    nodes: 3,
    guests: 10,
    seed: 9,
    controlPort: false,
    userCfg: `${defaultUserCfg()}token:${TOKEN_ID}:0:0:leak test token:\n`,
    tokenCfg: `${defaultTokenCfg()}${TOKEN_ID} ${TOKEN_MARKER}\n`,
    rootPassword: PASSWORD_MARKER,
  });
  app = await startApp({
    env: { PVE_HOST: `127.0.0.1:${sim.port}`, PVE_TOKEN_ID: TOKEN_ID, PVE_TOKEN_SECRET: TOKEN_MARKER },
  });
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('secrets stay in main', () => {
  it('imports the token from the environment, connects and polls the inventory', async () => {
    await app.page.getByTestId('import-env').click();
    const c = card(app.page, `127.0.0.1 (from environment)`);
    await c.waitFor();
    expect(await c.getByTestId('badge-nosecret').count()).toBe(0);
    await c.getByTestId('connect').click();
    await c.getByTestId('trust').click();
    await backFromInventory(app.page);
    await c.getByTestId('connection-summary').waitFor();
    expect(await c.getByTestId('summary-identity').textContent()).toBe(TOKEN_ID);

    const before = resourcePolls(TOKEN_ID);
    await app.page.getByTestId('nav-inventory').click();
    await app.page.getByTestId('node-card').first().waitFor();
    await expect
      .poll(() => resourcePolls(TOKEN_ID), { timeout: 30_000, interval: 250 })
      .toBeGreaterThanOrEqual(before + POLLS);
  });

  it('never sends the token secret to the renderer, the host output, the config dir or the page', async () => {
    expect(app.frames.length).toBeGreaterThan(10);
    expect(app.frames.some((f) => f.payload.includes('inventory.'))).toBe(true);
    expect(app.frames.filter((f) => f.payload.includes(TOKEN_MARKER))).toEqual([]);
    expect(app.hostOutput()).not.toContain(TOKEN_MARKER);
    const files = await filesUnder(app.configDir);
    expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(TOKEN_MARKER);
    expect(await pageState()).not.toContain(TOKEN_MARKER);
  });

  it('sends a typed password once, in the save request, and never back', async () => {
    await app.page.getByTestId('nav-clusters').click();
    const c = await addProfile(app.page, {
      name: 'Root',
      host: `127.0.0.1:${sim.port}`,
      user: { username: 'root', realm: 'pam' },
      secret: PASSWORD_MARKER,
    });
    await c.getByTestId('connect').click();
    await c.getByTestId('trust').click();
    await backFromInventory(app.page);
    await c.getByTestId('connection-summary').waitFor();
    const carrying = app.frames.filter((f) => f.payload.includes(PASSWORD_MARKER));
    expect(carrying.map((f) => [f.direction, (JSON.parse(f.payload) as { name?: string }).name])).toEqual([
      ['sent', 'profiles.save'],
    ]);
    expect(app.hostOutput()).not.toContain(PASSWORD_MARKER);
    for (const file of await filesUnder(app.configDir))
      expect(await readFile(file, 'utf8')).not.toContain(PASSWORD_MARKER);
    expect(await pageState()).not.toContain(PASSWORD_MARKER);
  });

  it('deletes the secrets from the keychain with their profiles', async () => {
    const ids = await app.page
      .getByTestId('profile-card')
      .evaluateAll((cards) => cards.map((el) => el.getAttribute('data-profile') ?? ''));
    expect(ids).toHaveLength(2);
    const stored = keychainEntries();
    for (const id of ids) expect(stored).toContain(`profile:${id}`);
    for (const name of ['Root', '127.0.0.1 (from environment)']) {
      await deleteProfile(app.page, name);
    }
    const left = keychainEntries();
    for (const id of ids) expect(left).not.toContain(`profile:${id}`);
    expect(app.frames.filter((f) => f.payload.includes(TOKEN_MARKER))).toEqual([]);
    expect(app.hostOutput()).not.toContain(TOKEN_MARKER);
  });
});
