// /nodes/{node}/apt: pending package updates, refreshing the package index (a task) and a package's changelog.
import { z } from 'zod';
import { pveGet, pvePath, pveSend, type PveCaller } from './caller.js';
import { Upid } from './guests.js';

const AptUpdate = z
  .looseObject({
    Package: z.string(),
    Title: z.string().optional(),
    OldVersion: z.string().optional(),
    Version: z.string(),
    Section: z.string().optional(),
    Origin: z.string().optional(),
  })
  .transform((p) => ({
    name: p.Package,
    title: p.Title ?? '',
    ...(p.OldVersion ? { from: p.OldVersion } : {}),
    to: p.Version,
    section: p.Section ?? '',
    origin: p.Origin ?? '',
  }));
export type AptUpdate = z.output<typeof AptUpdate>;

export function listAptUpdates(c: PveCaller, node: string): Promise<AptUpdate[]> {
  return pveGet(c, pvePath`/nodes/${node}/apt/update`, z.array(AptUpdate));
}

/** apt-get update on the node: answers the task's UPID */
export function refreshAptIndex(c: PveCaller, node: string): Promise<string> {
  return pveSend(c, 'POST', pvePath`/nodes/${node}/apt/update`, Upid);
}

export function getAptChangelog(c: PveCaller, node: string, name: string, version?: string): Promise<string> {
  return pveGet(c, pvePath`/nodes/${node}/apt/changelog`, z.string(), {
    name,
    ...(version ? { version } : {}),
  });
}
