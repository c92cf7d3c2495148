// Main's dispatcher answers malformed requests with typed errors and never throws, whatever arrives.
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatch.js';
import { AppError, AppFailure } from '../../../src-shared/ipc/errors.js';

const ctx = { host: 'web' as const };

async function realHandlers(): Promise<Handlers> {
  const services = await createAppServices({
    configDir: '/nonexistent-proxdeck-test',
    host: 'web',
    secrets: createMemorySecretStore(),
  });
  return services.handlers;
}

async function realDispatcher() {
  return createDispatcher(await realHandlers());
}

async function expectBadRequest(name: unknown, args: unknown): Promise<AppError> {
  const reply = await (await realDispatcher()).dispatch(name, args, ctx);
  expect(reply.ok).toBe(false);
  if (reply.ok) throw new Error('unreachable');
  expect(AppError.parse(reply.error)).toEqual(reply.error);
  expect(reply.error.code).toBe('bad_request');
  return reply.error;
}

describe('createDispatcher', () => {
  it('answers a valid app.version call', async () => {
    const reply = await (await realDispatcher()).dispatch('app.version', {}, ctx);
    expect(reply).toMatchObject({ ok: true, value: { name: 'Proxdeck', host: 'web' } });
  });

  it('rejects an unknown channel', async () => {
    const error = await expectBadRequest('app.nope', {});
    expect(error.message).toContain('app.nope');
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object', { name: 'app.version' }],
    ['an inherited property name', 'toString'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ])('rejects a channel name that is %s', async (_label, name) => {
    await expectBadRequest(name, {});
  });

  it.each([
    ['undefined args', undefined],
    ['null args', null],
    ['an array', []],
    ['a string', 'x'.repeat(2_000_000)],
    ['extra keys', { verbose: true }],
    ['a __proto__ own key', JSON.parse('{"__proto__": {"polluted": true}}') as unknown],
    ['a constructor key', { constructor: { prototype: { polluted: true } } }],
  ])('rejects %s and reports which field failed', async (_label, args) => {
    const error = await expectBadRequest('app.version', args);
    expect(error.message).toBe('Invalid arguments for app.version');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps error messages short even for a huge channel name', async () => {
    const error = await expectBadRequest('x'.repeat(1_000_000), {});
    expect(error.message.length).toBeLessThan(200);
  });

  it('never throws on hostile objects (throwing proxies, symbol keys)', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    const errors: unknown[] = [];
    const dispatcher = createDispatcher(await realHandlers(), {
      onInternalError: (err) => errors.push(err),
    });
    const reply = await dispatcher.dispatch('app.version', hostile, ctx);
    expect(reply.ok).toBe(false);
    const symbolKeyed = await dispatcher.dispatch('app.version', { [Symbol('s')]: 1 }, ctx);
    expect(symbolKeyed.ok).toBe(true);
  });

  it('turns AppFailure into its typed error and other throws into internal', async () => {
    const failing: Handlers = {
      ...(await realHandlers()),
      'app.version': () => {
        throw new AppFailure('permission_denied', 'nope', { path: '/vms/100' }, 403);
      },
    };
    const reply = await createDispatcher(failing).dispatch('app.version', {}, ctx);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'permission_denied', message: 'nope', details: { path: '/vms/100' }, status: 403 },
    });
    const seen: unknown[] = [];
    const crashing: Handlers = {
      ...(await realHandlers()),
      'app.version': () => {
        throw new TypeError('secret-ish internals');
      },
    };
    const crashed = await createDispatcher(crashing, { onInternalError: (e) => seen.push(e) }).dispatch(
      'app.version',
      {},
      ctx,
    );
    expect(crashed).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected failure in app.version' },
    });
    expect(seen).toHaveLength(1);
  });

  it('refuses a handler answer that breaks the result schema', async () => {
    const wrong = { 'app.version': () => ({ name: 'Proxdeck' }) } as unknown as Handlers;
    const reply = await createDispatcher(wrong).dispatch('app.version', {}, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
