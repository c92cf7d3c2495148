// The Permissions-view matrix for a profile: every app feature evaluated over the cluster's guests, effective and user side.
import {
  MATRIX_GAP_LIMIT,
  type FeatureRowView,
  type PermissionsInfo,
  type PermissionsMatrix,
} from '../../../src-shared/ipc/channels/permissions.js';
import type { PermissionsAnswer } from '../../../src-shared/permissions/evaluate.js';
import { featureMatrix } from '../../../src-shared/permissions/features.js';
import type { Vars } from '../../../src-shared/permissions/requirement.js';
import { getClusterResources, type ClusterResource } from '../../pve/api/cluster.js';
import type { PveCaller } from '../../pve/api/caller.js';

/** Enough guests to show "partly"; a 10,000-guest cluster would make the matrix slow and say nothing more. */
const MAX_TARGETS = 200;

type TargetVars = Record<string, string | number>;
/** a type alias, not an interface, so it passes as Vars */
export type GuestTarget = { node: string; vmid: number; type: string; pool?: string; storage?: string };

/** One target per guest: its node, id and type, its pool, and a storage that holds its backups when one is visible. */
export function guestTargets(resources: readonly ClusterResource[]): GuestTarget[] {
  const backupStore = resources.find(
    (r) => r.type === 'storage' && (r.content ?? '').split(',').includes('backup'),
  )?.storage;
  return resources
    .filter(
      (r) =>
        (r.type === 'qemu' || r.type === 'lxc') &&
        r.vmid !== undefined &&
        r.node !== undefined &&
        !r.template,
    )
    .slice(0, MAX_TARGETS)
    .map((r) => ({
      node: r.node!,
      vmid: r.vmid!,
      type: r.type,
      ...(r.pool ? { pool: r.pool } : {}),
      ...(backupStore ? { storage: backupStore } : {}),
    }));
}

const cleanTarget = (v: Vars): TargetVars =>
  Object.fromEntries(Object.entries(v).filter((e): e is [string, string | number] => e[1] !== undefined));

function rows(answer: PermissionsAnswer, targets: readonly Vars[], identity: string): FeatureRowView[] {
  return featureMatrix(answer, targets, { id: identity }).map((r) => ({
    id: r.id,
    label: r.label,
    state: r.state,
    allowed: r.allowed,
    total: r.total,
    gaps: r.gaps
      .slice(0, MATRIX_GAP_LIMIT)
      .map((g) => ({ action: g.action, target: cleanTarget(g.target), reason: g.reason })),
    gapCount: r.gaps.length,
  }));
}

/**
 * The targets come from the identity's own view of /cluster/resources, so a token that sees nothing gets an
 * empty guest list; then one placeholder guest still shows which privileges are missing.
 */
export async function buildMatrix(c: PveCaller, info: PermissionsInfo): Promise<PermissionsMatrix> {
  const seen = guestTargets(await getClusterResources(c));
  const targets: GuestTarget[] = seen.length > 0 ? seen : [{ node: 'any', vmid: 100, type: 'qemu' }];
  const out: PermissionsMatrix = {
    identity: info.identity,
    isToken: info.isToken,
    privsep: info.privsep,
    targetCount: seen.length,
    effective: rows(info.answer, targets, info.identity),
  };
  if (info.isToken && info.privsep !== false) {
    if (info.userAnswer) out.user = rows(info.userAnswer, targets, info.identity.replace(/!.*$/, ''));
    if (info.userAnswerProblem) out.userAnswerProblem = info.userAnswerProblem;
  }
  return out;
}
