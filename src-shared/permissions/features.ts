// App features as groups of actions, and the Permissions-view matrix: per feature allowed / partly / denied with the gaps.
//
// API:
//   FEATURES: readonly FeatureDef[]        { id: FeatureId; label: string; actions: readonly ActionId[] }
//   type FeatureState = 'allowed' | 'partly' | 'denied'
//   interface FeatureGap { action: ActionId; target: Vars; reason: string }
//   interface FeatureRow { id; label; state; allowed: number; total: number; gaps: FeatureGap[] }
//   featureMatrix(answer, targets: Vars[], identity?): FeatureRow[]
//     Each action of a feature is evaluated on every target (e.g. each guest {node, vmid, type, storage...});
//     allowed = every check passes, denied = none does, partly = some. For privsep tokens call it three times:
//     user answer, token answer, and intersectAnswers(user, token) for the effective set.
import type { ActionId } from './action-privileges.js';
import { type Identity, type PermissionsAnswer, evaluateAction } from './evaluate.js';
import type { Vars } from './requirement.js';

export interface FeatureDef {
  id: string;
  label: string;
  actions: readonly ActionId[];
}

const DEFS = [
  { id: 'inventory', label: 'See guests and their config', actions: ['guest.view', 'snapshot.list'] },
  { id: 'agent', label: 'Guest agent information', actions: ['guest.agent.info'] },
  {
    id: 'power',
    label: 'Power actions',
    actions: [
      'guest.start',
      'guest.shutdown',
      'guest.reboot',
      'guest.stop',
      'guest.reset',
      'guest.suspend',
      'guest.resume',
    ],
  },
  { id: 'config', label: 'Edit guest config', actions: ['guest.config'] },
  { id: 'console', label: 'Consoles', actions: ['guest.console'] },
  {
    id: 'snapshots',
    label: 'Snapshots and rollback',
    actions: ['snapshot.list', 'snapshot.create', 'snapshot.delete', 'snapshot.rollback'],
  },
  { id: 'backups', label: 'Backups', actions: ['backup.run', 'backup.list'] },
  { id: 'restore', label: 'Restore backups', actions: ['backup.restore'] },
  { id: 'provisioning', label: 'Clone and delete guests', actions: ['guest.clone', 'guest.delete'] },
  { id: 'migrate', label: 'Migrate guests', actions: ['guest.migrate'] },
  { id: 'replication', label: 'Replication', actions: ['replication.manage', 'replication.run'] },
  { id: 'ha', label: 'High availability', actions: ['ha.view', 'ha.manage'] },
  { id: 'nodes', label: 'Node status', actions: ['node.view'] },
  {
    id: 'access',
    label: 'Set up users, tokens and ACLs',
    actions: ['access.role.create', 'access.user.create', 'access.token.create', 'access.acl.modify'],
  },
] as const satisfies readonly FeatureDef[];

export type FeatureId = (typeof DEFS)[number]['id'];
export const FEATURES: readonly FeatureDef[] = DEFS;

export type FeatureState = 'allowed' | 'partly' | 'denied';
export interface FeatureGap {
  action: ActionId;
  target: Vars;
  reason: string;
}
export interface FeatureRow {
  id: string;
  label: string;
  state: FeatureState;
  allowed: number;
  total: number;
  gaps: FeatureGap[];
}

export function featureMatrix(
  answer: PermissionsAnswer,
  targets: readonly Vars[],
  identity?: Identity,
): FeatureRow[] {
  return FEATURES.map((f) => {
    let allowed = 0;
    let total = 0;
    const gaps: FeatureGap[] = [];
    for (const action of f.actions) {
      for (const target of targets) {
        const v = evaluateAction(action, answer, target, identity ? { identity } : {});
        total += 1;
        if (v.allowed) allowed += 1;
        else gaps.push({ action, target, reason: v.reason ?? 'denied' });
      }
    }
    const state: FeatureState = allowed === total ? 'allowed' : allowed === 0 ? 'denied' : 'partly';
    return { id: f.id, label: f.label, state, allowed, total, gaps };
  });
}
