// Channels for updates: pending package updates per node, a package's changelog, and refreshing the index as a plan.
import { z } from 'zod';
import { PveNode } from '../../model/pve-formats.js';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const PackageName = z.string().regex(/^[a-z0-9][a-z0-9+.-]{0,127}$/);

export const PackageUpdate = z.object({
  name: z.string(),
  title: z.string(),
  from: z.string().optional(),
  to: z.string(),
  /** kernel and pve-manager updates are the ones that matter most (a kernel needs a reboot) */
  kind: z.enum(['kernel', 'pve-manager', 'other']),
});
export type PackageUpdate = z.infer<typeof PackageUpdate>;

export const NodeUpdates = z.object({
  node: z.string(),
  online: z.boolean(),
  updates: z.array(PackageUpdate),
  needsReboot: z.boolean(),
  /** why the node could not be read (offline, no permission) */
  error: z.string().optional(),
});
export type NodeUpdates = z.infer<typeof NodeUpdates>;

/** what to paste in the node shell: Proxdeck never runs the upgrade itself */
export const UPGRADE_COMMAND = 'apt update && apt full-upgrade';

export const updatesRequests = {
  'updates.list': request(z.object({ profileId: ProfileId }).strict(), z.array(NodeUpdates)),
  'updates.changelog': request(
    z
      .object({
        profileId: ProfileId,
        node: NodeName,
        name: PackageName,
        version: z.string().max(128).optional(),
      })
      .strict(),
    z.object({ text: z.string() }),
  ),
  'updates.refreshPlan': request(
    z.object({ profileId: ProfileId, nodes: z.array(NodeName).min(1).max(32) }).strict(),
    Plan,
  ),
} as const;
