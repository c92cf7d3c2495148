// One contract request from the test process itself over the web host's /ipc socket (never through the page, so
// set-up secrets never appear in the frames a test records), and the usual "save a profile and connect it" step.
import NodeWebSocket from 'ws';
import { z } from 'zod';
import type { RunningSim } from '../../pve-sim/index.js';

const Reply = z.object({
  id: z.unknown(),
  reply: z.object({
    ok: z.boolean(),
    value: z.object({ id: z.string().optional() }).passthrough().optional(),
    error: z.unknown().optional(),
  }),
});
export type InvokeReply = z.infer<typeof Reply>['reply'];

/** appUrl: the URL the web host printed (with #secret=...). */
export function invoke(appUrl: string, name: string, args: unknown): Promise<InvokeReply> {
  const url = new URL(appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret') ?? '';
  const ws = new NodeWebSocket(`ws://${url.host}/ipc?secret=${encodeURIComponent(secret)}`, {
    origin: url.origin,
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('close', () => reject(new Error(`the web host closed the socket before answering ${name}`)));
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, name, args })));
    ws.on('message', (data: Buffer) => {
      const frame = Reply.safeParse(JSON.parse(data.toString('utf8')));
      if (!frame.success || frame.data.id !== 1) return;
      ws.removeAllListeners('close');
      ws.close();
      resolve(frame.data.reply);
    });
  });
}

export type SimAuth =
  { kind: 'token'; tokenId: string } | { kind: 'password'; username: string; realm: string };

/** Saves a profile for the simulator (its certificate pinned) and connects it; resolves with the profile id. */
export async function connectSimProfile(
  appUrl: string,
  sim: RunningSim,
  name: string,
  auth: SimAuth,
  secret: string,
): Promise<string> {
  // A pin is accepted only from main's own handshake with that host:port.
  const probed = await invoke(appUrl, 'connect.probe', {
    host: '127.0.0.1',
    port: sim.port,
    userTyped: true,
  });
  if (!probed.ok) throw new Error(`connect.probe failed: ${JSON.stringify(probed)}`);
  const saved = await invoke(appUrl, 'profiles.save', {
    profile: { name, host: '127.0.0.1', port: sim.port, auth, pinnedFingerprint: sim.fingerprint },
    secret,
  });
  const id = saved.value?.id;
  if (!saved.ok || !id) throw new Error(`profiles.save failed: ${JSON.stringify(saved)}`);
  const opened = await invoke(appUrl, 'connect.open', { profileId: id });
  if (!opened.ok) throw new Error(`connect.open failed: ${JSON.stringify(opened)}`);
  return id;
}
