// The firewall/SDN/Ceph action table cannot drift from PVE: each call exists in schema.json with exactly its schema check,
// and every privilege its description names is listed; evaluateAnyAction finds both tables and says what is missing.
import { describe, expect, it } from 'vitest';
import { expandCalls } from '../../../src-shared/permissions/action-privileges.js';
import { CLUSTER_OPS_ACTIONS, evaluateAnyAction } from '../../../src-shared/permissions/cluster-ops-actions.js';
import { type Need, needsFromSchemaCheck, privilegesNamed, stripHandlerNeeds } from '../../../src-shared/permissions/requirement.js';
import { loadEndpoints, loadPve9Privileges } from './reference.js';

const endpoints = loadEndpoints();
const pve9 = loadPve9Privileges();
const calls = CLUSTER_OPS_ACTIONS.flatMap((a) => expandCalls(a).map((c) => ({ action: a.id, ...c })));
const canonical = (n: Need): string => (n.kind === 'perm' ? `perm(${n.path},${[...n.privs].sort().join(',')},${n.any ? 'any' : 'all'},${n.requireParam ?? ''})` : JSON.stringify(n));

describe('cluster-ops actions against schema.json', () => {
  it.each(calls.map((c) => [`${c.action}: ${c.method} ${c.path}`, c] as const))('%s matches the schema check and description', (_n, c) => {
    const key = `${c.method} ${c.path}`;
    expect(endpoints.has(key), `${key} is not in schema.json`).toBe(true);
    const perms = endpoints.get(key);
    expect(perms, `${key} is root-only`).not.toBeNull();
    const schemaNeeds = perms?.check === undefined ? [] : needsFromSchemaCheck(perms.check);
    expect(stripHandlerNeeds(c.needs).map(canonical).sort()).toEqual(schemaNeeds.map(canonical).sort());
    const named = [...pve9].filter((p) => new RegExp(`(^|[^A-Za-z.])${p.replace(/\./g, '\\.')}([^A-Za-z.]|$)`).test(perms?.description ?? ''));
    for (const p of named) expect(privilegesNamed(c.needs)).toContain(p);
    for (const p of privilegesNamed(c.needs)) expect(pve9).toContain(p);
  });

  it('evaluates actions of both tables against an answer', () => {
    const auditor = { '/': { 'Sys.Audit': 1, 'VM.Audit': 1, 'SDN.Audit': 1 }, '/sdn': { 'SDN.Audit': 1 } } as const;
    expect(evaluateAnyAction('firewall.view', auditor, {}).allowed).toBe(true);
    const add = evaluateAnyAction('firewall.cluster.rules', auditor, {});
    expect(add.allowed).toBe(false);
    expect(add.reason).toContain('Sys.Modify');
    expect(evaluateAnyAction('replication.run', auditor, { vmid: 100, node: 'pve1', id: '100-0' }).reason).toContain('VM.Replicate');
    expect(evaluateAnyAction('sdn.subnet.create', { '/sdn/zones/z1': { 'SDN.Allocate': 1 } }, { zone: 'z1', vnet: 'v1' }).allowed).toBe(true);
  });
});
