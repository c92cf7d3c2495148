// Read-only guest endpoints the inventory's guest view needs: RRD metrics and the current config.
import { z } from 'zod';
import { pveGet, pvePath, type PveCaller } from './caller.js';
import { RrdPoint, type RrdTimeframe } from './nodes.js';

export type GuestType = 'qemu' | 'lxc';

export function getGuestRrd(
  c: PveCaller,
  node: string,
  type: GuestType,
  vmid: number,
  timeframe: RrdTimeframe,
  cf: 'AVERAGE' | 'MAX' = 'AVERAGE',
  signal?: AbortSignal,
): Promise<RrdPoint[]> {
  return pveGet(
    c,
    pvePath`/nodes/${node}/${type}/${vmid}/rrddata`,
    z.array(RrdPoint),
    { timeframe, cf },
    signal,
  );
}

/** PVE config values are strings or numbers; everything is shown as text, sorted by key. */
const GuestConfig = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).transform((cfg) =>
  Object.keys(cfg)
    .sort()
    .map((key) => ({ key, value: String(cfg[key]) })),
);

export function getGuestConfigEntries(
  c: PveCaller,
  node: string,
  type: GuestType,
  vmid: number,
  signal?: AbortSignal,
): Promise<Array<{ key: string; value: string }>> {
  return pveGet(c, pvePath`/nodes/${node}/${type}/${vmid}/config`, GuestConfig, undefined, signal);
}
