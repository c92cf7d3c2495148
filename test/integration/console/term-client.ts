// A test viewer for text consoles: connects to a relay URL like the terminal view, sends termproxy messages and
// collects the terminal output until an expected text shows up (bounded wait, no sleeps).
import WebSocket from 'ws';

export interface TermViewer {
  ws: WebSocket;
  send(message: string): void;
  /** resolves with all output so far once it contains `text`; rejects after `timeoutMs` or on close */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  output(): string;
  closed: Promise<number>;
}

export async function openTermViewer(relayUrl: string): Promise<TermViewer> {
  const ws = new WebSocket(relayUrl, ['binary']);
  let out = '';
  const waiters = new Set<() => void>();
  ws.on('message', (d: Buffer) => {
    out += d.toString('utf8');
    for (const w of waiters) w();
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
  closed.then(() => waiters.forEach((w) => w()));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  return {
    ws,
    closed,
    output: () => out,
    send: (m) => ws.send(m),
    waitFor(text, timeoutMs = 5_000) {
      const hit = (): boolean => (typeof text === 'string' ? out.includes(text) : text.test(out));
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (hit()) done(() => resolve(out));
          else if (isClosed)
            done(() => reject(new Error(`closed before ${String(text)}; got ${JSON.stringify(out)}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${String(text)} in ${JSON.stringify(out)}`))),
          timeoutMs,
        );
        const done = (fn: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          fn();
        };
        waiters.add(check);
        check();
      });
    },
  };
}
