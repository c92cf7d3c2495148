// Channel for the read-only Ceph view: health with its checks, monitors, OSDs per host and pools.
import { z } from 'zod';
import { request } from '../define.js';

const ProfileId = z.string().min(1).max(64);

export const CephView = z.object({
  /** false when the cluster runs no Ceph (PVE answers an error for status) */
  configured: z.boolean(),
  message: z.string().optional(),
  health: z.string(),
  checks: z.array(z.object({ id: z.string(), severity: z.string(), message: z.string() })),
  monitors: z.array(z.string()),
  osdCounts: z.object({ total: z.number(), up: z.number(), in: z.number() }),
  pgs: z.object({ total: z.number(), byState: z.array(z.object({ state: z.string(), count: z.number() })) }),
  bytesUsed: z.number(),
  bytesTotal: z.number(),
  osds: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      host: z.string(),
      up: z.boolean(),
      in: z.boolean(),
      deviceClass: z.string(),
      bytesUsed: z.number(),
      bytesTotal: z.number(),
    }),
  ),
  pools: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      size: z.number(),
      minSize: z.number(),
      pgs: z.number(),
      type: z.string(),
      bytesUsed: z.number(),
      fractionUsed: z.number(),
      crushRule: z.string(),
      autoscale: z.string(),
    }),
  ),
});
export type CephView = z.infer<typeof CephView>;

export const cephRequests = {
  'ceph.view': request(z.object({ profileId: ProfileId }).strict(), CephView),
} as const;
