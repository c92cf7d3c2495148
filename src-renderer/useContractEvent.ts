// Subscribes a component to one contract event for as long as it is mounted.
import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../src-shared/ipc/contract.js';
import { getBridge } from './bridge.js';

export function useContractEvent<N extends EventName>(
  name: N,
  listener: (payload: EventPayload<N>) => void,
): void {
  // The latest listener is read through a ref so a new closure each render does not resubscribe.
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => getBridge().on(name, (payload) => latest.current(payload)), [name]);
}
