// Channels for the SDN view: zones, vnets and subnets with their pending changes; vnet/subnet changes and apply built as plans.
import { z } from 'zod';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';

const ProfileId = z.string().min(1).max(64);
const SdnId = z
  .string()
  .regex(/^[a-z][a-z0-9]{0,7}$/i, 'letters and digits, at most 8, starting with a letter');
const State = z.enum(['new', 'changed', 'deleted']).optional();
const Pending = z.record(z.string(), z.string());

export const SdnView = z.object({
  zones: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      bridge: z.string().optional(),
      ipam: z.string().optional(),
      dhcp: z.string().optional(),
      state: State,
      pending: Pending,
    }),
  ),
  vnets: z.array(
    z.object({
      id: z.string(),
      zone: z.string(),
      tag: z.number().optional(),
      alias: z.string().optional(),
      state: State,
      pending: Pending,
    }),
  ),
  subnets: z.array(
    z.object({
      id: z.string(),
      vnet: z.string(),
      cidr: z.string(),
      gateway: z.string().optional(),
      snat: z.boolean(),
      state: State,
      pending: Pending,
    }),
  ),
  /** objects written but not applied yet */
  pendingCount: z.number().int(),
});
export type SdnView = z.infer<typeof SdnView>;

export const SdnAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sdn.vnet.create'),
      vnet: SdnId,
      zone: SdnId,
      tag: z.number().int().min(1).max(16_777_215).optional(),
      alias: z
        .string()
        .max(256)
        .regex(/^[\w\s().-]*$/)
        .optional(),
    })
    .strict(),
  z.object({ kind: z.literal('sdn.vnet.delete'), vnet: SdnId }).strict(),
  z
    .object({
      kind: z.literal('sdn.subnet.create'),
      vnet: SdnId,
      cidr: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'an IPv4 CIDR like 10.0.0.0/24'),
      gateway: z
        .string()
        .regex(/^\d{1,3}(\.\d{1,3}){3}$/)
        .optional(),
      snat: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('sdn.apply') }).strict(),
]);
export type SdnAction = z.infer<typeof SdnAction>;

export const sdnRequests = {
  'sdn.view': request(z.object({ profileId: ProfileId }).strict(), SdnView),
  'sdn.build': request(z.object({ profileId: ProfileId, action: SdnAction }).strict(), Plan),
} as const;
