// GET /version: the PVE release the connected node runs.
import { z } from 'zod';
import { pveGet, type PveCaller } from './caller.js';

export const VersionInfo = z.object({
  version: z.string(),
  release: z.string(),
  repoid: z.string().optional(),
  console: z.string().optional(),
});
export type VersionInfo = z.output<typeof VersionInfo>;

export function getVersion(c: PveCaller, signal?: AbortSignal): Promise<VersionInfo> {
  return pveGet(c, '/version', VersionInfo, undefined, signal);
}
