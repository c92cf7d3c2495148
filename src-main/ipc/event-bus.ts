// Main-to-renderer events: every payload is checked against the contract before any transport sees it.
import { events, isEventName, type EventName, type EventPayload } from '../../src-shared/ipc/contract.js';
import type { EventDef } from '../../src-shared/ipc/define.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';

/** A validated event as it travels to the renderer (Electron webContents.send or the web-host socket). */
export interface EventMessage {
  event: EventName;
  payload: unknown;
}

export type EventListener = (message: EventMessage) => void;

export interface EventBus {
  /** Validates the payload; throws AppFailure('internal') when main tries to emit something off-contract. */
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Drops all listeners (app shutdown). */
  clear(): void;
}

export function createEventBus(opts: { onListenerError?: (err: unknown) => void } = {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      if (!isEventName(name)) throw new AppFailure('internal', `Unknown event ${String(name)}`);
      // Widened on purpose: the contract may declare no events yet, which narrows the lookup to never.
      const def: EventDef = (events as Record<string, EventDef>)[name] as EventDef;
      const checked = def.payload.safeParse(payload);
      if (!checked.success) throw new AppFailure('internal', `Invalid payload for event ${name}`);
      const message: EventMessage = { event: name, payload: checked.data };
      for (const listener of [...listeners]) {
        try {
          listener(message);
        } catch (err) {
          // One broken transport must not starve the others.
          opts.onListenerError?.(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear() {
      listeners.clear();
    },
  };
}
