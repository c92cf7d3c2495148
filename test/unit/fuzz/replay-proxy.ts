// A loopback HTTPS proxy for response fuzzing: first forwards to the simulator and records each
// answer by path, then serves whatever body the test sets, so our real client parses mutated PVE JSON.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { Agent } from 'undici';
import { fingerprintOf, generateCertificate } from '../../pve-sim/http/tls.js';

export interface ReplayProxy {
  port: number;
  fingerprint: string;
  /** path+query → recorded body text, filled while `forwarding` is true */
  recorded: Map<string, string>;
  forwarding: boolean;
  /** path of the last answer recorded */
  last: string | undefined;
  /** the body served for the next requests when not forwarding */
  serve: string;
  close(): Promise<void>;
}

export async function startReplayProxy(upstream: string): Promise<ReplayProxy> {
  const cert = await generateCertificate('replay');
  const agent = new Agent({ connect: { rejectUnauthorized: false } });
  const proxy: ReplayProxy = {
    port: 0,
    fingerprint: fingerprintOf(cert.cert),
    recorded: new Map(),
    forwarding: true,
    last: undefined,
    serve: '',
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await agent.close();
    },
  };
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    const url = req.url ?? '/';
    if (!proxy.forwarding) {
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
      res.end(proxy.serve);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'cookie', 'csrfpreventiontoken', 'content-type']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = req.method === 'GET' ? undefined : Buffer.concat(chunks).toString();
      request(`${upstream}${url}`, {
        method: req.method as 'GET',
        headers,
        dispatcher: agent,
        ...(body !== undefined ? { body } : {}),
      })
        .then(async (up) => {
          const text = await up.body.text();
          if (up.statusCode === 200) {
            proxy.last = url.split('?')[0]!;
            proxy.recorded.set(proxy.last, text);
          }
          res.writeHead(up.statusCode, { 'Content-Type': 'application/json;charset=UTF-8' });
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  return proxy;
}
