// Validates every incoming request against the contract, runs its handler, and wraps the answer.
// Both the Electron ipcMain binding and the web host go through here; nothing else reaches handlers.
import {
  isRequestName,
  requests,
  type RequestArgs,
  type RequestName,
} from '../../src-shared/ipc/contract.js';
import { AppFailure, type AppError, type Reply } from '../../src-shared/ipc/errors.js';

/** Per-call context: which transport the call came from. */
export interface CallContext {
  host: 'electron' | 'web';
  /** which window/page connection sent it (web-host socket, Electron webContents); per-window state keys on it */
  connection?: string;
}

export type Handler<N extends RequestName> = (
  args: z_output<N>,
  ctx: CallContext,
) => Promise<HandlerResult<N>> | HandlerResult<N>;
/** Handlers may return the result schema's input form: the dispatcher parses it (defaults, transforms). */
type HandlerResult<N extends RequestName> = import('zod').z.input<(typeof requests)[N]['result']>;
type z_output<N extends RequestName> = import('zod').z.output<(typeof requests)[N]['args']>;

export type Handlers = { [N in RequestName]: Handler<N> };

/** Hook for read-only profiles: return an error to refuse a mutation before its handler runs. */
export type MutationGuard = (name: RequestName, args: unknown) => AppError | undefined;

export interface Dispatcher {
  dispatch(name: unknown, args: unknown, ctx: CallContext): Promise<Reply<unknown>>;
}

export function createDispatcher(
  handlers: Handlers,
  opts: { guard?: MutationGuard; onInternalError?: (err: unknown) => void } = {},
): Dispatcher {
  return {
    async dispatch(name, args, ctx) {
      // Nothing a caller sends may make dispatch throw: hostile input (proxies, symbol keys) lands here too.
      try {
        return await dispatchChecked(name, args, ctx);
      } catch (err) {
        opts.onInternalError?.(err);
        return fail({ code: 'internal', message: 'Unexpected failure while handling a request' });
      }
    },
  };

  async function dispatchChecked(name: unknown, args: unknown, ctx: CallContext): Promise<Reply<unknown>> {
    if (!isRequestName(name)) {
      return fail({ code: 'bad_request', message: `Unknown request ${describe(name)}` });
    }
    const def = requests[name];
    const parsed = def.args.safeParse(args);
    if (!parsed.success) {
      const details: Record<string, string> = {};
      for (const issue of parsed.error.issues.slice(0, 20)) {
        details[issue.path.map(String).join('.') || '(root)'] = issue.message;
      }
      return fail({ code: 'bad_request', message: `Invalid arguments for ${name}`, details });
    }
    if (def.mutation && opts.guard) {
      const refusal = opts.guard(name, parsed.data);
      if (refusal) return fail(refusal);
    }
    try {
      const handler = handlers[name] as Handler<RequestName>;
      const value = await handler(parsed.data as z_output<RequestName>, ctx);
      const checked = def.result.safeParse(value);
      if (!checked.success) {
        opts.onInternalError?.(checked.error);
        return fail({ code: 'internal', message: `Main produced an invalid answer for ${name}` });
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof AppFailure) return fail(err.toJSON());
      opts.onInternalError?.(err);
      return fail({ code: 'internal', message: `Unexpected failure in ${name}` });
    }
  }
}

function fail(error: AppError): Reply<never> {
  return { ok: false, error };
}

function describe(name: unknown): string {
  if (typeof name === 'string') return JSON.stringify(name.slice(0, 80));
  return `of type ${name === null ? 'null' : typeof name}`;
}

export type { RequestArgs };
