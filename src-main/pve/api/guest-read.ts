// Read-only guest endpoints the inventory's guest view needs: RRD metrics and the current config.
import { z } from 'zod';
import { pveGet, pvePath, type PveCaller } from './caller.js';
import { lxcRawLines } from '../tolerance.js';
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

/** One config line: raw `lxc.*` lines are read-only (PVE's API cannot set them; the GUI shows them the same way). */
export interface ConfigEntry {
  key: string;
  value: string;
  readonly?: true;
}

/**
 * PVE config values are strings or numbers; everything is shown as text, sorted by key. A container's raw
 * `lxc.*` lines come as `lxc: [[key, value], ...]` (tolerance lxc-raw-pairs): they follow, in file order.
 */
export const GuestConfig = z
  .record(z.string(), z.unknown())
  .superRefine((cfg, ctx) => {
    for (const [key, v] of Object.entries(cfg)) {
      const ok =
        key === 'lxc'
          ? lxcRawLines(v) !== undefined
          : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      if (!ok) ctx.addIssue({ code: 'custom', message: 'not a config value', path: [key] });
    }
  })
  .transform((cfg): ConfigEntry[] => [
    ...Object.keys(cfg)
      .filter((key) => key !== 'lxc')
      .sort()
      .map((key) => ({ key, value: String(cfg[key] as string | number | boolean) })),
    ...(lxcRawLines(cfg['lxc']) ?? []).map((l) => ({ ...l, readonly: true as const })),
  ]);

export function getGuestConfigEntries(
  c: PveCaller,
  node: string,
  type: GuestType,
  vmid: number,
  signal?: AbortSignal,
): Promise<ConfigEntry[]> {
  return pveGet(c, pvePath`/nodes/${node}/${type}/${vmid}/config`, GuestConfig, undefined, signal);
}
