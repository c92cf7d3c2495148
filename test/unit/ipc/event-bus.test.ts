// The event bus refuses off-contract events and isolates a failing listener from the others.
import { describe, expect, it } from 'vitest';
import { createEventBus, type EventMessage } from '../../../src-main/ipc/event-bus.js';
import type { EventName } from '../../../src-shared/ipc/contract.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';

describe('createEventBus', () => {
  it('throws a typed internal failure for an event the contract does not declare', () => {
    const bus = createEventBus();
    const seen: EventMessage[] = [];
    bus.subscribe((m) => seen.push(m));
    expect(() => bus.emit('nope.happened' as EventName, undefined as never)).toThrow(AppFailure);
    expect(seen).toEqual([]);
  });

  it('unsubscribes and clears', () => {
    const bus = createEventBus();
    const off = bus.subscribe(() => undefined);
    off();
    bus.clear();
    expect(() => bus.emit('__proto__' as EventName, undefined as never)).toThrow(/Unknown event/);
  });
});
