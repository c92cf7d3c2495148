// WebSocket upgrades (vncwebsocket): the core authenticates, checks permissions and params, then hands over the socket.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

let sim: RunningSim;
const wss = new WebSocketServer({ noServer: true });
const seen: Record<string, unknown>[] = [];
const path = '/api2/json/nodes/pve1/qemu/100/vncwebsocket';

beforeAll(async () => {
  sim = await startSimulator({ nodes: 1, guests: 2, controlPort: false });
  sim.registry.addUpgrade('/nodes/{node}/qemu/{vmid}/vncwebsocket', (req, _ctx, raw) => {
    seen.push(req.params);
    wss.handleUpgrade(raw.request, raw.socket, raw.head, (ws) => ws.send('hello'));
  });
});
afterAll(async () => {
  wss.close();
  await sim.close();
});

function open(query: string, auth?: string): WebSocket {
  return new WebSocket(`wss://127.0.0.1:${sim.port}${path}?${query}`, ['binary'], {
    ca: sim.certPem,
    ...(auth !== undefined && { headers: { authorization: auth } }),
  });
}

describe('upgrade', () => {
  it('hands an authorised, validated request to the upgrade handler', async () => {
    const ws = open(
      'port=5900&vncticket=abc',
      `PVEAPIToken=support@pve!console=${DEMO_TOKENS['support@pve!console'] ?? ''}`,
    );
    const [msg] = (await once(ws, 'message')) as [Buffer];
    expect(msg.toString()).toBe('hello');
    expect(seen.at(-1)).toEqual({ node: 'pve1', vmid: 100, port: 5900, vncticket: 'abc' });
    ws.close();
  });
  it('answers 401 without credentials and 400 with bad params before upgrading', async () => {
    const statusOf = async (ws: WebSocket): Promise<number> => {
      const [, res] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }];
      return res.statusCode;
    };
    expect(await statusOf(open('port=5900&vncticket=abc'))).toBe(401);
    const tok = `PVEAPIToken=support@pve!console=${DEMO_TOKENS['support@pve!console'] ?? ''}`;
    expect(await statusOf(open('port=abc&vncticket=abc', tok))).toBe(400);
  });
});
