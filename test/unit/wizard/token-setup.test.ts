// Token wizard: for each preset and scope, the generated API calls, applied to the simulator's RBAC, give a token that can do
// exactly the preset's actions in scope, nothing outside it, with no privilege beyond what those actions need.
import { describe, expect, it } from 'vitest';
import { createAccessControl } from '../../pve-sim/rbac/index.js';
import {
  ACTIONS,
  type ActionId,
  actionById,
  expandCalls,
} from '../../../src-shared/permissions/action-privileges.js';
import { evaluateAction } from '../../../src-shared/permissions/evaluate.js';
import { privilegesNamed } from '../../../src-shared/permissions/requirement.js';
import type { CallInput } from '../../../src-shared/plans/plan.js';
import { PresetIdSchema } from '../../../src-shared/ipc/channels/wizard.js';
import { PRESETS, type PresetId, presetById } from '../../../src-shared/wizard/presets.js';
import {
  type Scope,
  type SetupInput,
  planTokenSetup,
  tokenSetupPlan,
} from '../../../src-shared/wizard/token-setup.js';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Turns the wizard's API calls into user.cfg lines, the way PVE's handlers would store them. */
function userCfgFromCalls(calls: CallInput[]): string {
  const lines = ['pool:lab::120,121:local-lvm:'];
  for (const c of calls) {
    const p = c.params ?? {};
    if (c.path === '/access/roles') lines.push(`role:${str(p.roleid)}:${str(p.privs)}:`);
    else if (c.path === '/access/users') lines.push(`user:${str(p.userid)}:1:0::::::`);
    else if (c.path.startsWith('/access/users/')) {
      const [, , , userid, , tokenid] = c.path.split('/');
      lines.push(`token:${userid}!${tokenid}:0:${str(p.privsep)}::`);
    } else if (c.path === '/access/acl')
      lines.push(`acl:${str(p.propagate)}:${str(p.path)}:${str(p.users ?? p.tokens)}:${str(p.roles)}:`);
    else throw new Error(`unexpected call ${c.method} ${c.path}`);
  }
  return `${lines.join('\n')}\n`;
}

const GUEST = {
  node: 'pve1',
  type: 'qemu',
  snapname: 's1',
  newid: 121,
  pool: 'lab',
  poolid: 'lab',
  zone: 'localnetwork',
  bridge: 'vmbr0',
  vnet: 'vnet1',
};
const target = (vmid: number, storage: string) => ({
  ...GUEST,
  vmid,
  storage,
  path: '/',
  userid: 'someone@pve',
  tokenid: 'x',
  id: `${vmid}-0`,
});

const CASES: [PresetId, Scope, storage: string, outside?: number][] = [
  ['audit', { kind: 'cluster' }, 'local-lvm'],
  ['support', { kind: 'guests', vmids: [120] }, 'local-lvm', 130],
  ['operator', { kind: 'pool', pool: 'lab', storages: ['nfs-backup'] }, 'nfs-backup', 130],
  ['operator', { kind: 'cluster' }, 'local-lvm'],
  [
    'provisioning',
    { kind: 'pool', pool: 'lab', storages: ['local-lvm'], zones: ['localnetwork'] },
    'local-lvm',
    130,
  ],
  ['self-service', { kind: 'guests', vmids: [120], storages: ['nfs-backup'] }, 'nfs-backup', 121],
  ['admin', { kind: 'cluster' }, 'local-lvm'],
];

const skipped = new Set<ActionId>(['tasks.view']); // needs the task's owner, not part of a scope
const others = (id: PresetId): ActionId[] =>
  ACTIONS.map((a) => a.id as ActionId).filter((a) => !skipped.has(a) && !presetById(id).actions.includes(a));

describe.each(CASES)('preset %s, scope %j', (preset, scope, storage, outside) => {
  const input: SetupInput = { preset, scope, userid: 'proxdeck@pve', tokenid: 'app', major: 9 };
  const setup = planTokenSetup(input);
  const rbac = createAccessControl({ userCfg: userCfgFromCalls(setup.apiCalls) });
  const answer = rbac.permissionsAnswer({
    kind: 'token',
    userid: 'proxdeck@pve',
    tokenid: 'app',
    full: 'proxdeck@pve!app',
  });
  const inScope = target(120, storage);
  const identity = { id: setup.fullTokenId };

  it('allows every action of the preset in scope', () => {
    const actions =
      preset === 'admin'
        ? ACTIONS.map((a) => a.id as ActionId).filter((a) => !skipped.has(a))
        : presetById(preset).actions;
    for (const a of actions)
      expect(evaluateAction(a, answer, inScope, { identity }).reason, a).toBeUndefined();
  });

  it('denies every other action in scope', () => {
    if (preset === 'admin') return;
    for (const a of others(preset))
      expect(evaluateAction(a, answer, inScope, { identity }).allowed, a).toBe(false);
  });

  it('denies the preset actions outside the scope', () => {
    if (outside === undefined) return;
    const guestActions = presetById(preset).actions.filter((a) =>
      expandCalls(actionById(a)).some((c) => c.path.includes('{vmid}')),
    );
    expect(guestActions.length).toBeGreaterThan(0);
    for (const a of guestActions)
      expect(evaluateAction(a, answer, target(outside, 'other-store'), { identity }).allowed, a).toBe(false);
  });

  it('grants no privilege beyond what the preset actions need', () => {
    const needed = new Set(
      presetById(preset).actions.flatMap((a) =>
        expandCalls(actionById(a)).flatMap((c) => privilegesNamed(c.needs)),
      ),
    );
    for (const r of setup.roles)
      for (const p of r.privs) expect(needed, `${r.roleid} grants ${p}`).toContain(p);
  });

  it('prints a pveum line per role, user, token and per ACL for both user and token', () => {
    const lines = setup.commands.map((c) => c.line);
    expect(lines.filter((l) => l.startsWith('pveum role add'))).toHaveLength(setup.roles.length);
    expect(lines.filter((l) => l.startsWith('pveum acl modify')).length).toBe(setup.acls.length * 2);
    expect(lines).toContain('pveum user token add proxdeck@pve app --privsep 1');
    for (const c of setup.commands) expect(c.explain.length).toBeGreaterThan(10);
  });
});

describe('token setup details', () => {
  it('prints the exact commands for "operator in pool lab"', () => {
    const setup = planTokenSetup({
      preset: 'operator',
      scope: { kind: 'pool', pool: 'lab', storages: ['nfs-backup'] },
      userid: 'proxdeck@pve',
      tokenid: 'app',
      major: 9,
    });
    expect(setup.commands.map((c) => c.line)).toEqual([
      'pveum role add Proxdeck-Operator-Guests -privs VM.Audit,VM.PowerMgmt,VM.Snapshot,VM.Snapshot.Rollback,VM.Backup',
      'pveum role add Proxdeck-Operator-Storage -privs Datastore.Audit,Datastore.AllocateSpace',
      "pveum user add proxdeck@pve -comment 'Proxdeck (operator)'",
      'pveum user token add proxdeck@pve app --privsep 1',
      'pveum acl modify /pool/lab -user proxdeck@pve -role Proxdeck-Operator-Guests',
      "pveum acl modify /pool/lab -token 'proxdeck@pve!app' -role Proxdeck-Operator-Guests",
      'pveum acl modify /storage/nfs-backup -user proxdeck@pve -role Proxdeck-Operator-Storage',
      "pveum acl modify /storage/nfs-backup -token 'proxdeck@pve!app' -role Proxdeck-Operator-Storage",
    ]);
  });

  it('leaves out privileges the PVE version does not have', () => {
    const v9 = planTokenSetup({
      preset: 'audit',
      scope: { kind: 'cluster' },
      userid: 'a@pve',
      tokenid: 't',
      major: 9,
    });
    const v8 = planTokenSetup({
      preset: 'audit',
      scope: { kind: 'cluster' },
      userid: 'a@pve',
      tokenid: 't',
      major: 8,
    });
    expect(v9.dropped).toEqual([]);
    expect(v9.roles.flatMap((r) => r.privs)).toContain('VM.GuestAgent.Audit');
    expect(v8.dropped).toEqual(['VM.GuestAgent.Audit']);
    expect(v8.roles.flatMap((r) => r.privs)).not.toContain('VM.GuestAgent.Audit');
  });

  it('as a plan: allowed for an administrator, blocked with the reason for an operator', () => {
    const setup = planTokenSetup({
      preset: 'support',
      scope: { kind: 'guests', vmids: [120] },
      userid: 'proxdeck@pve',
      tokenid: 'app',
      major: 9,
    });
    const privs = {
      'Permissions.Modify': 1,
      'Sys.Modify': 1,
      'User.Modify': 1,
      'Realm.AllocateUser': 1,
    } as const;
    const everywhere = Object.fromEntries(
      ['/', '/access', '/access/groups', '/nodes', '/pool', '/sdn', '/storage', '/vms'].map((p) => [
        p,
        privs,
      ]),
    );
    const admin = tokenSetupPlan(setup, { answer: everywhere, identity: { id: 'admin@pve' } });
    expect(admin.blockReasons, admin.blockReasons.join('\n')).toEqual([]);
    expect(admin.calls.map((c) => c.pvesh)).toContain(
      "pvesh set /access/acl --path /vms/120 --roles Proxdeck-Support-Guests --propagate 1 --tokens 'proxdeck@pve!app'",
    );
    expect(admin.diff.filter((d) => d.kind === 'acl')).toHaveLength(2);
    const op = tokenSetupPlan(setup, {
      answer: { '/vms': { 'VM.PowerMgmt': 1 } },
      identity: { id: 'ops@pve' },
    });
    expect(op.blocked).toBe(true);
    expect(op.blockReasons[0]).toBe('POST /access/roles: needs Sys.Modify on /access');
    expect(op.blockReasons).toContain(
      'PUT /access/acl: needs one of Permissions.Modify, VM.Allocate on /vms/120',
    );
  });

  it('every preset is defined once and full admin uses the built-in Administrator role', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(PRESETS.map((p) => p.id).sort()).toEqual([...PresetIdSchema.options].sort());
    const admin = planTokenSetup({
      preset: 'admin',
      scope: { kind: 'cluster' },
      userid: 'a@pve',
      tokenid: 't',
      major: 9,
    });
    expect(admin.roles).toEqual([]);
    expect(admin.acls).toEqual([{ path: '/', roleid: 'Administrator', propagate: true }]);
  });
});
