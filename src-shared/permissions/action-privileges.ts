// OUR table of app actions: the PVE calls each makes and the privileges PVE checks for them, schema checks and in-handler extras.
//
// API:
//   type GuestType = 'qemu' | 'lxc'
//   interface ActionCall { method: HttpMethod; path: string; needs: readonly Need[]; guestTypes?: readonly GuestType[] }
//     `path` is the API path template; '{type}' stands for qemu/lxc (expanded per guestTypes, default both).
//   interface ActionDef { id: ActionId; label: string; calls: readonly ActionCall[]; destructive?: true }
//   ACTIONS: readonly ActionDef[];  type ActionId = (union of ids below);  actionById(id): ActionDef
//   expandCalls(action, guestType?): { method; path; needs }[]   '{type}' filled (one guest type, or all when omitted)
// Each feature writes its entries in ./privileges/<feature>.ts (named like src-shared/ipc/channels/<feature>.ts);
// this file only joins them, in feature order.
// The drift test (test/unit/permissions/action-privileges-schema.test.ts) checks every call and every schema-required
// privilege against ../shared/pve-api/schema.json, and that privileges named in the endpoint's description are listed.
import type { ActionDef, GuestType } from './action-builders.js';
import { AGENT } from './privileges/agent.js';
import { BACKUPS } from './privileges/backups.js';
import { CEPH } from './privileges/ceph.js';
import { CONSOLE } from './privileges/console.js';
import { FIREWALL } from './privileges/firewall.js';
import { GUEST_CONFIG } from './privileges/guest-config.js';
import { HA } from './privileges/ha.js';
import { INVENTORY } from './privileges/inventory.js';
import { MIGRATE } from './privileges/migrate.js';
import { PROVISION } from './privileges/provision.js';
import { REPLICATION } from './privileges/replication.js';
import { SDN } from './privileges/sdn.js';
import { SNAPSHOTS } from './privileges/snapshots.js';
import { STORAGE } from './privileges/storage.js';
import { TASKS } from './privileges/tasks.js';
import { WIZARD } from './privileges/wizard.js';
import { MAINTENANCE } from './privileges/maintenance.js';
import type { HttpMethod, Need } from './requirement.js';

export type { ActionCall, ActionDef, GuestType } from './action-builders.js';

const DEFS = [
  ...GUEST_CONFIG,
  ...AGENT,
  ...CONSOLE,
  ...SNAPSHOTS,
  ...PROVISION,
  ...MIGRATE,
  ...BACKUPS,
  ...STORAGE,
  ...REPLICATION,
  ...HA,
  ...INVENTORY,
  ...TASKS,
  ...WIZARD,
  ...FIREWALL,
  ...SDN,
  ...CEPH,
  ...MAINTENANCE,
] as const satisfies readonly ActionDef[];

export type ActionId = (typeof DEFS)[number]['id'];
export const ACTIONS: readonly ActionDef[] = DEFS;

export function actionById(id: ActionId): ActionDef {
  const found = ACTIONS.find((a) => a.id === id);
  if (!found) throw new Error(`unknown action ${id}`);
  return found;
}

export interface ConcreteCall {
  method: HttpMethod;
  path: string;
  needs: readonly Need[];
}

/** The action's calls with '{type}' filled; only the calls that apply to `guestType` when it is given. */
export function expandCalls(action: ActionDef, guestType?: GuestType): ConcreteCall[] {
  const out: ConcreteCall[] = [];
  for (const c of action.calls) {
    const types = c.guestTypes ?? ['qemu', 'lxc'];
    if (guestType && c.guestTypes && !c.guestTypes.includes(guestType)) continue;
    if (!c.path.includes('{type}')) {
      out.push({ method: c.method, path: c.path, needs: c.needs });
      continue;
    }
    for (const t of guestType ? [guestType] : types)
      out.push({ method: c.method, path: c.path.replace('{type}', t), needs: c.needs });
  }
  return out;
}
