// Channels for the firewall view: options and rules of a cluster, node or guest, and rule add/edit/delete built as plans.
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode, PveVmid } from '../../model/pve-formats.js';
import { Plan } from '../../plans/plan.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;

export const FirewallScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cluster') }),
  z.object({ kind: z.literal('node'), node: NodeName }),
  z.object({
    kind: z.literal('guest'),
    node: NodeName,
    type: z.enum(['qemu', 'lxc']),
    vmid: PveVmid,
  }),
]);
export type FirewallScope = z.infer<typeof FirewallScope>;

const Spec = z
  .string()
  .max(512)
  .regex(/^[^\s'"]*$/, 'no spaces or quotes');
/** the editable fields of a rule, as the GUI's rule dialog offers them */
export const FirewallRuleInput = z
  .object({
    type: z.enum(['in', 'out', 'forward']),
    action: z.enum(['ACCEPT', 'DROP', 'REJECT']),
    enabled: z.boolean(),
    macro: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .optional(),
    proto: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/)
      .optional(),
    source: Spec.optional(),
    dest: Spec.optional(),
    dport: Spec.optional(),
    sport: Spec.optional(),
    iface: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{1,19}$/)
      .optional(),
    log: z.enum(['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug', 'nolog']).optional(),
    comment: z.string().max(256).optional(),
  })
  .strict();
export type FirewallRuleInput = z.infer<typeof FirewallRuleInput>;

export const FirewallRuleView = FirewallRuleInput.omit({ type: true, action: true }).extend({
  pos: z.number().int(),
  type: z.string(),
  action: z.string(),
});
export type FirewallRuleView = z.infer<typeof FirewallRuleView>;

export const FirewallAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('firewall.rule.add'), scope: FirewallScope, rule: FirewallRuleInput }).strict(),
  z
    .object({
      kind: z.literal('firewall.rule.edit'),
      scope: FirewallScope,
      pos: z.number().int().min(0).max(10_000),
      rule: FirewallRuleInput,
    })
    .strict(),
  z
    .object({
      kind: z.literal('firewall.rule.delete'),
      scope: FirewallScope,
      pos: z.number().int().min(0).max(10_000),
    })
    .strict(),
]);
export type FirewallAction = z.infer<typeof FirewallAction>;

export const FirewallView = z.object({
  scope: FirewallScope,
  digest: z.string(),
  options: z.record(z.string(), z.string()),
  rules: z.array(FirewallRuleView),
});
export type FirewallView = z.infer<typeof FirewallView>;

export const firewallRequests = {
  /** options and rules of one level */
  'firewall.view': request(z.object({ profileId: ProfileId, scope: FirewallScope }).strict(), FirewallView),
  /** a plan for one rule change; run it with plans.run */
  'firewall.build': request(z.object({ profileId: ProfileId, action: FirewallAction }).strict(), Plan),
} as const;
