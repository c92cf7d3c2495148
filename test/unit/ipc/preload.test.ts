// The preload exposes exactly window.proxdeck = { invoke, on } and forwards only over the contract's channels.
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../src-main/ipc/channel-names.js';

interface Exposed {
  key: string;
  api: Record<string, (...args: unknown[]) => unknown>;
}

let bundle: string;

beforeAll(async () => {
  // Same options as scripts/build-main.mjs uses for the preload: CommonJS, only 'electron' external.
  const result = await build({
    entryPoints: [path.resolve('src-main/preload/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
  });
  bundle = result.outputFiles[0]?.text ?? '';
});

/** Runs the preload with a recording stand-in for Electron's sandboxed preload API. */
function loadPreload() {
  const exposed: Exposed[] = [];
  const invoked: unknown[][] = [];
  const subscribed = new Map<string, (...args: unknown[]) => void>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Exposed['api']) => exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, handler: (...args: unknown[]) => void) => subscribed.set(channel, handler),
      off: (channel: string) => subscribed.delete(channel),
    },
  };
  const module = { exports: {} };
  runInNewContext(bundle, {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return electron;
    },
  });
  return { exposed, invoked, subscribed, required };
}

describe('preload', () => {
  it('exposes one object with only invoke and on, requiring nothing but electron', () => {
    const { exposed, required } = loadPreload();
    expect(exposed.map((e) => e.key)).toEqual(['proxdeck']);
    expect(Object.keys(exposed[0]?.api ?? {}).sort()).toEqual(['invoke', 'on']);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('forwards invoke over the invoke channel and filters events by name', async () => {
    const { exposed, invoked, subscribed } = loadPreload();
    const api = exposed[0]!.api;
    await api.invoke!('app.version', {});
    expect(invoked).toEqual([[IPC_INVOKE_CHANNEL, 'app.version', {}]]);
    const seen: unknown[] = [];
    const off = api.on!('x.changed', (p: unknown) => seen.push(p)) as () => void;
    const handler = subscribed.get(IPC_EVENT_CHANNEL)!;
    handler({}, { event: 'y.changed', payload: 1 });
    handler({}, { event: 'x.changed', payload: 2 });
    expect(seen).toEqual([2]);
    off();
    expect(subscribed.has(IPC_EVENT_CHANNEL)).toBe(false);
  });
});
