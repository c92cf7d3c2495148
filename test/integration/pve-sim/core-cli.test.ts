// The simulator's command line: prints one listening line with the fingerprint, serves, and exits 0 on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './core-client.js';

let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function peerCert(port: number): Promise<{ fingerprint: string; pem: string }> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const c = s.getPeerCertificate();
      const pem = `-----BEGIN CERTIFICATE-----\n${c.raw.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
      resolve({ fingerprint: c.fingerprint256, pem });
      s.destroy();
    });
    s.on('error', reject);
  });
}

describe('cli', () => {
  it('starts on a random port, prints the fingerprint of the served cert, and exits 0 on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/pve-sim/cli.ts',
        '--port',
        '0',
        '--nodes',
        '2',
        '--guests',
        '3',
        '--auth-fail-delay-ms',
        '0',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const it = lines[Symbol.asyncIterator]();
    const first = (await it.next()).value as string;
    const m =
      /^PVE simulator listening on https:\/\/127\.0\.0\.1:(\d+) fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/.exec(
        first,
      );
    expect(m).not.toBeNull();
    const second = (await it.next()).value as string;
    expect(second).toMatch(/^PVE simulator control API on http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(m?.[1]);
    const cert = await peerCert(port);
    expect(cert.fingerprint).toBe(m?.[2]);
    const r = await call({ url: `https://127.0.0.1:${port}`, certPem: cert.pem }, 'GET', '/access/ticket');
    expect(r.json()).toEqual({ data: null });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
  it('rejects invalid flags with exit code 2', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'test/pve-sim/cli.ts', '--nodes', '99'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    bad.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const [code] = (await once(bad, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err).toContain('nodes');
  });
});
