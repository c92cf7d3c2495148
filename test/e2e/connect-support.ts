// Helpers shared by the connect-screen e2e tests: drive the profile form, find a profile's card, and ask the
// simulator itself (over pinned HTTPS) what it reports, so expectations come from the server and not from literals.
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { normalizeFingerprint } from '../../src-shared/model/profile.js';
import type { RunningSim } from '../pve-sim/index.js';

export interface ProfileInput {
  name: string;
  host: string;
  tokenId?: string;
  user?: { username: string; realm: string };
  secret: string;
  color?: string;
}

/** Fills the open profile form (add or edit) and presses Save. */
export async function fillProfileForm(page: Page, input: ProfileInput): Promise<void> {
  const form = page.getByTestId('profile-form');
  await form.getByTestId('profile-name').fill(input.name);
  await form.getByTestId('profile-host').fill(input.host);
  if (input.user) {
    await form.getByTestId('auth-password').check();
    await form.getByTestId('profile-username').fill(input.user.username);
    await form.getByTestId('profile-realm').fill(input.user.realm);
  } else {
    await form.getByTestId('auth-token').check();
    await form.getByTestId('profile-token-id').fill(input.tokenId ?? '');
  }
  await form.getByTestId('profile-secret').fill(input.secret);
  if (input.color) await form.getByTestId('profile-color').fill(input.color);
  await form.getByTestId('profile-save').click();
}

export async function addProfile(page: Page, input: ProfileInput): Promise<Locator> {
  if ((await page.getByTestId('profile-form').count()) === 0) await page.getByTestId('add-profile').click();
  await fillProfileForm(page, input);
  await page.getByTestId('profile-form').waitFor({ state: 'detached' });
  return card(page, input.name);
}

export function card(page: Page, name: string): Locator {
  return page
    .getByTestId('profile-card')
    .filter({ has: page.getByTestId('profile-card-name').getByText(name, { exact: true }) });
}

/** Deletes a profile through its edit form (two clicks, as a user would) and waits for its card to go. */
export async function deleteProfile(page: Page, name: string): Promise<void> {
  const c = card(page, name);
  await c.getByTestId('edit-profile').click();
  await c.getByTestId('profile-delete').click();
  await c.getByTestId('profile-delete-confirm').click();
  await c.waitFor({ state: 'detached' });
}

const Envelope = z.object({ data: z.unknown() });

/** GET /api2/json<path> from the simulator with an API token, accepting only the simulator's certificate. */
export function simGet(sim: RunningSim, path: string, tokenId: string, secret: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}/api2/json${path}`,
      // Pinned by hand below: the simulator's certificate is self-signed.
      { rejectUnauthorized: false, headers: { Authorization: `PVEAPIToken=${tokenId}=${secret}` } },
      (res) => {
        const presented = normalizeFingerprint(
          (res.socket as TLSSocket).getPeerCertificate().fingerprint256 ?? '',
        );
        if (presented !== sim.fingerprint) return reject(new Error(`unexpected certificate ${presented}`));
        if (res.statusCode !== 200)
          return reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${res.statusMessage}`));
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          try {
            resolve(Envelope.parse(JSON.parse(body)).data);
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const Version = z.object({ version: z.string() });
const ClusterStatus = z.array(z.object({ type: z.string(), name: z.string() }));

/** The version and cluster name the simulator reports to this identity. */
export async function simIdentity(
  sim: RunningSim,
  tokenId: string,
  secret: string,
): Promise<{ version: string; cluster: string }> {
  const version = Version.parse(await simGet(sim, '/version', tokenId, secret)).version;
  const cluster = ClusterStatus.parse(await simGet(sim, '/cluster/status', tokenId, secret)).find(
    (e) => e.type === 'cluster',
  );
  if (!cluster) throw new Error('the simulator reported no cluster entry');
  return { version, cluster: cluster.name };
}
