// Least-privilege token setup: from a preset and a scope, the roles and ACLs, the exact `pveum` commands, and the same as API calls.
//
// API:
//   type Scope = { kind: 'cluster' } | { kind: 'pool'; pool: string } | { kind: 'guests'; vmids: number[] }, each with
//                optional storages?: string[] and zones?: string[] (SDN zones) narrowing the storage/SDN side
//   interface SetupInput { preset: PresetId; scope: Scope; userid: string; tokenid: string; major: PveMajor; rolePrefix?: string }
//   interface SetupRole { roleid: string; privs: string[] }        interface SetupAcl { path; roleid; propagate: boolean }
//   interface SetupCommand { line: string; explain: string }
//   interface TokenSetup { input; roles; acls; fullTokenId; commands; apiCalls: CallInput[]; dropped: string[]; notes: string[] }
//   planTokenSetup(input): TokenSetup          privileges missing on `major` are left out and listed in `dropped`
//   tokenSetupPlan(setup, ctx: PlanContext, existing?): Plan    the API calls as a confirm-diff plan (needs User.Modify, Sys.Modify,
//                                              Permissions.Modify...); with `existing`, updates what is there (setup-existing.ts)
import { splitByVersion } from '../permissions/versions.js';
import { type CallInput, type Plan, type PlanContext, buildPlan, callFor } from '../plans/plan.js';
import { shellQuote } from '../plans/pvesh.js';
import type { DiffEntry } from '../plans/diff.js';
import { type GrantSide, presetById } from './presets.js';
import { type ExistingAccess, reconcileSetup } from './setup-existing.js';

export type { Scope, SetupInput, SetupRole, SetupAcl, SetupCommand, TokenSetup } from './setup-types.js';
import type { Scope, SetupAcl, SetupCommand, SetupInput, SetupRole, TokenSetup } from './setup-types.js';

const pascal = (s: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** Where each side's role goes for a scope; `propagate` false only for '/', so cluster-wide Sys.Audit does not reach /vms. */
function pathsFor(side: GrantSide, scope: Scope): { path: string; propagate: boolean }[] {
  const all = (paths: string[]) => paths.map((path) => ({ path, propagate: true }));
  switch (side) {
    case 'guests':
      return all(
        scope.kind === 'cluster'
          ? ['/vms']
          : scope.kind === 'pool'
            ? [`/pool/${scope.pool}`]
            : scope.vmids.map((id) => `/vms/${id}`),
      );
    case 'storage':
      return all(
        scope.storages
          ? scope.storages.map((s) => `/storage/${s}`)
          : scope.kind === 'cluster'
            ? ['/storage']
            : [],
      );
    case 'sdn':
      return all(
        scope.zones
          ? scope.zones.map((z) => `/sdn/zones/${z}`)
          : scope.kind === 'cluster'
            ? ['/sdn/zones']
            : [],
      );
    case 'nodes':
      return all(['/nodes']);
    case 'cluster':
      return [{ path: '/', propagate: false }];
  }
}

const SIDE_LABEL: Record<GrantSide, string> = {
  guests: 'Guests',
  storage: 'Storage',
  sdn: 'SDN',
  nodes: 'Nodes',
  cluster: 'Cluster',
};

function rolesAndAcls(input: SetupInput): {
  roles: SetupRole[];
  acls: SetupAcl[];
  dropped: string[];
  notes: string[];
} {
  const preset = presetById(input.preset);
  if (preset.builtinRole)
    return {
      roles: [],
      acls: [{ path: '/', roleid: preset.builtinRole, propagate: true }],
      dropped: [],
      notes: [],
    };
  const roles: SetupRole[] = [];
  const acls: SetupAcl[] = [];
  const dropped = new Set<string>();
  const notes: string[] = [];
  for (const [side, privs] of Object.entries(preset.grants) as [GrantSide, readonly string[]][]) {
    const { kept, dropped: gone } = splitByVersion(privs, input.major);
    gone.forEach((p) => dropped.add(p));
    const paths = pathsFor(side, input.scope);
    if (paths.length === 0) {
      notes.push(
        `no ${SIDE_LABEL[side].toLowerCase()} in the scope: ${kept.join(', ')} not granted (add ${side === 'sdn' ? 'zones' : 'storages'} to the scope)`,
      );
      continue;
    }
    if (kept.length === 0) continue;
    const roleid = `${input.rolePrefix ?? 'Proxdeck'}-${pascal(preset.id)}-${SIDE_LABEL[side]}`;
    roles.push({ roleid, privs: kept });
    for (const p of paths) acls.push({ roleid, ...p });
  }
  if (preset.grants.guests?.includes('VM.Allocate'))
    notes.push(
      'VM.Allocate also lets the token change ACLs on its own guests (PVE allows it for /vms/<id> below its scope)',
    );
  if (input.scope.kind === 'pool')
    notes.push(
      `pool ${input.scope.pool} must exist and hold the guests (pvesh set /pools/${input.scope.pool} --vms <ids>)`,
    );
  return { roles, acls, dropped: [...dropped].sort(), notes };
}

function commandsFor(
  input: SetupInput,
  roles: SetupRole[],
  acls: SetupAcl[],
  fullTokenId: string,
): SetupCommand[] {
  const cmds: SetupCommand[] = roles.map((r) => ({
    line: `pveum role add ${r.roleid} -privs ${shellQuote(r.privs.join(','))}`,
    explain: `role ${r.roleid}: only the privileges the chosen features need`,
  }));
  cmds.push({
    line: `pveum user add ${shellQuote(input.userid)} -comment ${shellQuote(`Proxdeck (${input.preset})`)}`,
    explain: 'the user that owns the token; it has no password and cannot log in to the web UI',
  });
  cmds.push({
    line: `pveum user token add ${shellQuote(input.userid)} ${shellQuote(input.tokenid)} --privsep 1`,
    explain:
      'a privilege-separated token: prints the secret once; it can do only what both the user and the token are granted',
  });
  for (const a of acls) {
    const prop = a.propagate ? '' : ' -propagate 0';
    cmds.push({
      line: `pveum acl modify ${a.path} -user ${shellQuote(input.userid)} -role ${a.roleid}${prop}`,
      explain: `give the user ${a.roleid} on ${a.path}${a.propagate ? ' and below' : ' only'}`,
    });
    cmds.push({
      line: `pveum acl modify ${a.path} -token ${shellQuote(fullTokenId)} -role ${a.roleid}${prop}`,
      explain: `the same for the token (a privsep token starts with no privileges)`,
    });
  }
  return cmds;
}

function apiCallsFor(
  input: SetupInput,
  roles: SetupRole[],
  acls: SetupAcl[],
  fullTokenId: string,
): CallInput[] {
  const calls: CallInput[] = roles.map((r) =>
    callFor('access.role.create', {}, { roleid: r.roleid, privs: r.privs.join(',') }),
  );
  calls.push(
    callFor('access.user.create', {}, { userid: input.userid, comment: `Proxdeck (${input.preset})` }),
  );
  calls.push(
    callFor('access.token.create', { userid: input.userid, tokenid: input.tokenid }, { privsep: 1 }),
  );
  for (const a of acls) {
    const base = { path: a.path, roles: a.roleid, propagate: a.propagate ? 1 : 0 };
    calls.push(callFor('access.acl.modify', {}, { ...base, users: input.userid }));
    calls.push(callFor('access.acl.modify', {}, { ...base, tokens: fullTokenId }));
  }
  return calls;
}

export function planTokenSetup(input: SetupInput): TokenSetup {
  const fullTokenId = `${input.userid}!${input.tokenid}`;
  const { roles, acls, dropped, notes } = rolesAndAcls(input);
  return {
    input,
    roles,
    acls,
    fullTokenId,
    commands: commandsFor(input, roles, acls, fullTokenId),
    apiCalls: apiCallsFor(input, roles, acls, fullTokenId),
    dropped,
    notes,
  };
}

/** existing: what the cluster already has (a re-run), so the plan updates instead of failing creates. */
export function tokenSetupPlan(setup: TokenSetup, ctx: PlanContext, existing?: ExistingAccess): Plan {
  const again = existing ? reconcileSetup(setup, existing) : undefined;
  const diff: DiffEntry[] = again?.diff ?? [
    ...setup.roles.map((r): DiffEntry => ({
      kind: 'role',
      key: r.roleid,
      change: 'added',
      after: r.privs.join(','),
    })),
    { kind: 'user', key: setup.input.userid, change: 'added', after: 'enabled' },
    { kind: 'token', key: setup.fullTokenId, change: 'added', after: 'privsep=1' },
    ...setup.acls.flatMap((a): DiffEntry[] =>
      [setup.input.userid, setup.fullTokenId].map((who) => ({
        kind: 'acl',
        key: `${a.path} ${who}`,
        change: 'added',
        after: `${a.roleid}${a.propagate ? '' : ' (no propagate)'}`,
      })),
    ),
  ];
  return buildPlan(
    {
      id: `token-setup-${setup.fullTokenId.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64),
      title: `Set up token ${setup.fullTokenId} (${presetById(setup.input.preset).label})`,
      targets: [{ kind: 'token', id: setup.fullTokenId }],
      calls: again?.calls ?? setup.apiCalls,
      diff,
      ...(again ? { warnings: again.warnings } : {}),
    },
    ctx,
  );
}
