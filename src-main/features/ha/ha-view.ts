// The HA view: resources with their requested and current state, quorum, and (by PVE version) rules or groups.
import type { HaView } from '../../../src-shared/ipc/channels/ha.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getHaStatus, listHaGroups, listHaResources, listHaRules } from '../../pve/api/ha.js';
import { getVersion } from '../../pve/api/version.js';

/** PVE 8 has HA groups, PVE 9 replaced them with rules: the version decides which list is read. */
export async function haView(c: PveCaller): Promise<HaView> {
  const [version, resources, status] = await Promise.all([getVersion(c), listHaResources(c), getHaStatus(c)]);
  const major = Number(version.version.split('.')[0]);
  const [rules, groups] = await Promise.all([
    major >= 9 ? listHaRules(c) : Promise.resolve([]),
    major < 9 ? listHaGroups(c) : Promise.resolve([]),
  ]);
  const services = new Map(status.services.map((s) => [s.sid, s]));
  return {
    version: version.version,
    quorate: status.quorate,
    quorumStatus: status.quorumStatus,
    ...(status.manager ? { manager: status.manager } : {}),
    ...(status.fencing ? { fencing: status.fencing } : {}),
    nodes: status.nodes,
    ...(status.problems.length > 0 ? { problems: status.problems } : {}),
    resources: resources.map((r) => ({
      sid: r.sid,
      requested: r.state,
      current: services.get(r.sid)?.state ?? 'unknown',
      node: services.get(r.sid)?.node ?? '',
      maxRestart: r.maxRestart,
      maxRelocate: r.maxRelocate,
      ...(r.comment ? { comment: r.comment } : {}),
      ...(r.group ? { group: r.group } : {}),
    })),
    rules: rules.map((r) => ({
      id: r.id,
      type: r.type,
      resources: r.resources,
      detail: r.nodes ? `nodes ${r.nodes}${r.strict ? ' (strict)' : ''}` : `affinity ${r.affinity ?? '?'}`,
      enabled: r.enabled,
    })),
    groups: groups.map((g) => ({
      id: g.id,
      nodes: g.nodes,
      restricted: g.restricted,
      nofailback: g.nofailback,
    })),
  };
}
