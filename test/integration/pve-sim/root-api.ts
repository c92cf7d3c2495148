// Test helper: root@pam calls against a running simulator (form bodies, envelope unpacked) and bounded task waits.
import type { RunningSim } from '../../pve-sim/index.js';
import { call, type Login } from './core-client.js';

export type Json = Record<string, unknown>;

export interface ApiReply {
  status: number;
  reason: string;
  data: unknown;
  message?: string;
  body: Json;
}

export interface RootApi {
  api(method: string, path: string, form?: Record<string, string>): Promise<ApiReply>;
  /** the data of a 200 answer; anything else throws with status and message */
  ok(method: string, path: string, form?: Record<string, string>): Promise<unknown>;
  /** poll the task status with a bounded deadline until it stopped; returns the final status */
  waitTask(upid: unknown): Promise<Json>;
}

/** `target` is read on every call so suites may create the simulator and log in inside beforeAll */
export function rootApi(target: () => { sim: RunningSim; root: Login }): RootApi {
  const api = async (method: string, path: string, form?: Record<string, string>): Promise<ApiReply> => {
    const { sim, root } = target();
    const r = await call(sim, method, path, {
      headers: method === 'GET' ? root.cookie : root.write,
      ...(form ? { form } : {}),
    });
    const body = (r.text ? r.json() : {}) as Json;
    return {
      status: r.status,
      reason: r.reason,
      data: body['data'],
      message: body['message'] as string | undefined,
      body,
    };
  };
  const ok = async (method: string, path: string, form?: Record<string, string>): Promise<unknown> => {
    const r = await api(method, path, form);
    if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${r.message}`);
    return r.data;
  };
  const waitTask = async (upid: unknown): Promise<Json> => {
    const node = String(upid).split(':')[1];
    const deadline = Date.now() + 10_000;
    for (;;) {
      const s = (await ok('GET', `/nodes/${node}/tasks/${encodeURIComponent(String(upid))}/status`)) as Json;
      if (s['status'] === 'stopped') return s;
      if (Date.now() > deadline) throw new Error(`task ${String(upid)} did not finish`);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { api, ok, waitTask };
}
