// The action table (joined from src-shared/permissions/privileges/<feature>.ts) cannot drift from PVE: every call exists in schema.json and lists every privilege PVE checks for it.
import { describe, expect, it } from 'vitest';
import { ACTIONS, expandCalls } from '../../../src-shared/permissions/action-privileges.js';
import {
  type Need,
  needsFromSchemaCheck,
  privilegesNamed,
  stripHandlerNeeds,
} from '../../../src-shared/permissions/requirement.js';
import { PVE9_PRIVILEGES } from '../../../src-shared/permissions/versions.js';
import { loadEndpoints, loadPve9Privileges } from './reference.js';

const endpoints = loadEndpoints();
const pve9 = loadPve9Privileges();
const calls = ACTIONS.flatMap((a) => expandCalls(a).map((c) => ({ action: a.id, ...c })));

/** Needs compared by content, options sorted so the order of privileges does not matter. */
function canonical(n: Need): string {
  if (n.kind === 'or')
    return `or(${n.of
      .map((b) => b.map(canonical).sort().join('&'))
      .sort()
      .join('|')})`;
  if (n.kind === 'perm')
    return `perm(${n.path},${[...n.privs].sort().join(',')},${n.any ? 'any' : 'all'},${n.requireParam ?? ''})`;
  return JSON.stringify(n);
}

type Call = (typeof calls)[number];

/** What is wrong with one call's schema-checked needs: missing from the schema, root-only, or different from its check. */
function schemaProblems(c: Pick<Call, 'method' | 'path' | 'needs'>): string[] {
  const key = `${c.method} ${c.path}`;
  if (!endpoints.has(key)) return [`${key} is not in schema.json`];
  const perms = endpoints.get(key);
  if (perms === null) return [`${key} is root-only in PVE`];
  const ours = stripHandlerNeeds(c.needs).map(canonical).sort();
  const schemaNeeds = (perms?.check === undefined ? [] : needsFromSchemaCheck(perms.check))
    .map(canonical)
    .sort();
  return JSON.stringify(ours) === JSON.stringify(schemaNeeds)
    ? []
    : [`${key}: ours ${ours.join(' ')} | schema ${schemaNeeds.join(' ')}`];
}

/** Privileges the endpoint's description names that the call does not list. */
function descriptionMisses(c: Pick<Call, 'method' | 'path' | 'needs'>): string[] {
  const description = endpoints.get(`${c.method} ${c.path}`)?.description ?? '';
  const named = [...pve9].filter((p) =>
    new RegExp(`(^|[^A-Za-z.])${p.replace(/\./g, '\\.')}([^A-Za-z.]|$)`).test(description),
  );
  const ours = privilegesNamed(c.needs);
  return named.filter((p) => !ours.includes(p));
}

/** The call with every privilege named `from` swapped for `to` (or dropped when `to` is undefined). */
function withPrivilege(c: Call, from: string, to?: string): Call {
  const swap = (n: Need): Need[] => {
    if (n.kind === 'or') return [{ ...n, of: n.of.map((b) => b.flatMap(swap)) }];
    if (n.kind !== 'perm' || !n.privs.includes(from)) return [n];
    const privs = n.privs.flatMap((p) => (p !== from ? [p] : to ? [to] : []));
    return privs.length ? [{ ...n, privs }] : [];
  };
  return { ...c, needs: c.needs.flatMap(swap) };
}

describe('action-privileges table against schema.json', () => {
  it('reads a real schema and privilege list', () => {
    expect(endpoints.size).toBeGreaterThan(600);
    expect(pve9.size).toBe(47);
    expect(calls.length).toBeGreaterThan(40);
  });

  // nothing the schema does not check may be claimed as a schema check either
  it.each(calls.map((c) => [`${c.action}: ${c.method} ${c.path}`, c] as const))(
    '%s exists and lists the schema check',
    (_name, c) => {
      expect(schemaProblems(c)).toEqual([]);
    },
  );

  it.each(calls.map((c) => [`${c.action}: ${c.method} ${c.path}`, c] as const))(
    '%s lists the privileges its description names',
    (_name, c) => {
      expect(descriptionMisses(c)).toEqual([]);
    },
  );

  // the checks above must catch a wrong privilege, whether PVE states it in the schema check or only in the description
  it.each([
    ['ha.manage', 'PUT', '/cluster/ha/resources/{sid}', 'Sys.Console', 'Sys.Modify'],
    ['ha.manage', 'POST', '/cluster/ha/resources/{sid}/migrate', 'Sys.Console', undefined],
    ['backupjob.manage', 'DELETE', '/cluster/backup/{id}', 'Sys.Modify', 'Sys.Audit'],
    [
      'guest.agent.info',
      'POST',
      '/nodes/{node}/qemu/{vmid}/agent/ping',
      'VM.GuestAgent.Unrestricted',
      undefined,
    ],
    ['guest.create', 'POST', '/nodes/{node}/lxc', 'Sys.Modify', undefined],
    ['guest.create', 'POST', '/nodes/{node}/qemu', 'SDN.Use', undefined],
    ['volume.delete', 'DELETE', '/nodes/{node}/storage/{storage}/content/{volume}', 'VM.Backup', undefined],
    [
      'firewall.guest.rules',
      'PUT',
      '/nodes/{node}/lxc/{vmid}/firewall/rules/{pos}',
      'VM.Config.Network',
      'VM.Config.Disk',
    ],
    ['sdn.vnet.create', 'POST', '/cluster/sdn/vnets', 'SDN.Allocate', 'SDN.Audit'],
    ['ceph.view', 'GET', '/nodes/{node}/ceph/osd', 'Datastore.Audit', undefined],
    [
      'guest.agent.exec',
      'GET',
      '/nodes/{node}/qemu/{vmid}/agent/exec-status',
      'VM.GuestAgent.Unrestricted',
      'VM.GuestAgent.Audit',
    ],
    ['storage.template', 'POST', '/nodes/{node}/aplinfo', 'Datastore.AllocateTemplate', 'Datastore.Allocate'],
  ] as const)('%s: a wrong privilege on %s %s is caught', (action, method, path, from, to) => {
    const c = calls.find((x) => x.action === action && x.method === method && x.path === path);
    if (!c) throw new Error(`${action} has no ${method} ${path}`);
    expect([...schemaProblems(c), ...descriptionMisses(c)]).toEqual([]);
    expect([
      ...schemaProblems(withPrivilege(c, from, to)),
      ...descriptionMisses(withPrivilege(c, from, to)),
    ]).not.toEqual([]);
  });

  it('names only valid PVE 9 privileges, and versions.ts agrees with privileges.md', () => {
    expect([...PVE9_PRIVILEGES].sort()).toEqual([...pve9].sort());
    for (const c of calls)
      for (const p of privilegesNamed(c.needs)) expect(pve9, `${c.path}: ${p}`).toContain(p);
  });

  it('parses every check in the schema into needs', () => {
    let parsed = 0;
    for (const perms of endpoints.values()) {
      if (perms?.check === undefined) continue;
      const needs = needsFromSchemaCheck(perms.check);
      for (const p of privilegesNamed(needs)) expect(pve9).toContain(p);
      parsed += 1;
    }
    expect(parsed).toBeGreaterThan(480);
  });
});
