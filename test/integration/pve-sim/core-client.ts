// Test helper for the simulator core tests: raw HTTPS calls trusting only the simulator's own certificate.
import { request } from 'node:https';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/index.js';

export interface RawReply {
  status: number;
  reason: string;
  headers: Record<string, string | string[] | undefined>;
  /** decompressed body text */
  text: string;
  rawLength: number;
  json(): { data?: unknown; message?: string; errors?: Record<string, string> } & Record<string, unknown>;
}

export interface CallOptions {
  headers?: Record<string, string>;
  form?: Record<string, string>;
  json?: unknown;
  rawBody?: string;
}

export function call(
  sim: { url: string; certPem: string },
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<RawReply> {
  let body: string | undefined = opts.rawBody;
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.form) {
    body = new URLSearchParams(opts.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] = 'application/json';
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.url}/api2/json${path}`,
      { method, headers, ca: sim.certPem, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            reason: res.statusMessage ?? '',
            headers: res.headers,
            text,
            rawLength: raw.length,
            json: () => JSON.parse(text) as ReturnType<RawReply['json']>,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface Login {
  ticket: string;
  csrf: string;
  cookie: Record<string, string>;
  write: Record<string, string>;
}

export async function login(
  sim: { url: string; certPem: string },
  username = 'root@pam',
  password = DEFAULT_ROOT_PASSWORD,
): Promise<Login> {
  const r = await call(sim, 'POST', '/access/ticket', { form: { username, password } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.reason}`);
  const data = r.json().data as { ticket: string; CSRFPreventionToken: string };
  const cookie = { cookie: `PVEAuthCookie=${encodeURIComponent(data.ticket)}` };
  return {
    ticket: data.ticket,
    csrf: data.CSRFPreventionToken,
    cookie,
    write: { ...cookie, CSRFPreventionToken: data.CSRFPreventionToken },
  };
}

export const tokenHeader = (id: string, secret: string): Record<string, string> => ({
  authorization: `PVEAPIToken=${id}=${secret}`,
});
