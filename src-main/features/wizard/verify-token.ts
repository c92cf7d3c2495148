// Wizard "verify": with the new token's own connection, checks each capability of the preset on each guest of the scope.
import type { VerifyResult, WizardScope } from '../../../src-shared/ipc/channels/wizard.js';
import { ACTIONS, actionById, type ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { evaluateAction } from '../../../src-shared/permissions/evaluate.js';
import { type PresetId, presetById } from '../../../src-shared/wizard/presets.js';
import { getPermissions } from '../../pve/api/access.js';
import { getClusterResources } from '../../pve/api/cluster.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { toAnswer } from '../../plans/plan-builder.js';
import { guestTargets, type GuestTarget } from '../permissions/matrix.js';

/** Checking more guests of a whole-cluster scope proves nothing more. */
const MAX_CLUSTER_TARGETS = 20;

/** The id a received guest is checked on: PVE's highest, so only an ACL on /vms (or /) can allow it. */
const RECEIVED_VMID = 999_999_999;

/** The actions a preset promises; full admin promises all of them. */
export function presetActions(preset: PresetId): ActionId[] {
  const p = presetById(preset);
  return p.builtinRole ? ACTIONS.map((a) => a.id as ActionId) : [...p.actions];
}

/**
 * PVE shows a guest's pool only to identities with Pool.Audit on it; without any pool information the guests the
 * token sees at all are the ones its pool ACL gave it.
 */
function scopeTargets(seen: GuestTarget[], scope: WizardScope): GuestTarget[] {
  if (scope.kind === 'cluster') return seen.slice(0, MAX_CLUSTER_TARGETS);
  if (scope.kind === 'guests') return seen.filter((t) => scope.vmids.includes(t.vmid));
  return seen.some((t) => t.pool !== undefined) ? seen.filter((t) => t.pool === scope.pool) : seen;
}

export async function verifyCapabilities(
  c: PveCaller,
  identity: string,
  preset: PresetId,
  scope: WizardScope,
): Promise<VerifyResult> {
  const [perms, resources] = await Promise.all([getPermissions(c), getClusterResources(c)]);
  const answer = toAnswer(perms);
  const seen = guestTargets(resources);
  const inScope = scopeTargets(seen, scope);
  const storage = scope.storages?.[0];
  const targets = inScope.map(({ storage: _guessed, ...t }) => ({ ...t, ...(storage ? { storage } : {}) }));
  const checks: VerifyResult['checks'] = [];
  const unchecked = new Set<string>();
  // a scoped guest the token cannot even see is a gap of its own
  const expected = scope.kind === 'guests' ? scope.vmids : [];
  for (const vmid of expected.filter((id) => !targets.some((t) => t.vmid === id))) {
    checks.push({
      action: 'guest.view',
      label: actionById('guest.view').label,
      target: `vmid ${vmid}`,
      allowed: false,
      reason: `the token does not see guest ${vmid}`,
    });
  }
  if (!presetActions(preset).includes('guest.view')) {
    // a migration target sees no guest: it is checked on the guest it would receive, a new id on any node
    const node = resources.find((r) => r.type === 'node')?.node ?? '';
    const incoming = { node, vmid: RECEIVED_VMID, type: 'qemu', ...(storage ? { storage } : {}) };
    for (const action of presetActions(preset)) {
      const v = evaluateAction(action, answer, incoming, { identity: { id: identity } });
      v.unchecked.forEach((u) => unchecked.add(u));
      checks.push({
        action,
        label: actionById(action).label,
        target: 'a received guest',
        allowed: v.allowed,
        ...(v.reason ? { reason: v.reason } : {}),
      });
    }
    return { identity, passed: checks.every((x) => x.allowed), checks, unchecked: [...unchecked].sort() };
  }
  if (targets.length === 0 && scope.kind !== 'guests') {
    checks.push({
      action: 'guest.view',
      label: actionById('guest.view').label,
      target: scope.kind === 'pool' ? `pool ${scope.pool}` : 'cluster',
      allowed: false,
      reason: 'the token sees no guest in its scope',
    });
  }
  for (const action of presetActions(preset)) {
    for (const t of targets) {
      const v = evaluateAction(action, answer, t, { identity: { id: identity } });
      v.unchecked.forEach((u) => unchecked.add(u));
      checks.push({
        action,
        label: actionById(action).label,
        target: `${t.type}/${t.vmid}`,
        allowed: v.allowed,
        ...(v.reason ? { reason: v.reason } : {}),
      });
    }
  }
  return { identity, passed: checks.every((x) => x.allowed), checks, unchecked: [...unchecked].sort() };
}
