// The action table cannot drift from PVE: every call exists in schema.json and lists every privilege PVE checks for it.
import { describe, expect, it } from 'vitest';
import { ACTIONS, expandCalls } from '../../../src-shared/permissions/action-privileges.js';
import { type Need, needsFromSchemaCheck, privilegesNamed, stripHandlerNeeds } from '../../../src-shared/permissions/requirement.js';
import { PVE9_PRIVILEGES } from '../../../src-shared/permissions/versions.js';
import { loadEndpoints, loadPve9Privileges } from './reference.js';

const endpoints = loadEndpoints();
const pve9 = loadPve9Privileges();
const calls = ACTIONS.flatMap((a) => expandCalls(a).map((c) => ({ action: a.id, ...c })));

/** Needs compared by content, options sorted so the order of privileges does not matter. */
function canonical(n: Need): string {
  if (n.kind === 'or') return `or(${n.of.map((b) => b.map(canonical).sort().join('&')).sort().join('|')})`;
  if (n.kind === 'perm') return `perm(${n.path},${[...n.privs].sort().join(',')},${n.any ? 'any' : 'all'},${n.requireParam ?? ''})`;
  return JSON.stringify(n);
}

describe('action-privileges table against schema.json', () => {
  it('reads a real schema and privilege list', () => {
    expect(endpoints.size).toBeGreaterThan(600);
    expect(pve9.size).toBe(47);
    expect(calls.length).toBeGreaterThan(40);
  });

  it.each(calls.map((c) => [`${c.action}: ${c.method} ${c.path}`, c] as const))('%s exists and lists the schema check', (_name, c) => {
    const key = `${c.method} ${c.path}`;
    expect(endpoints.has(key), `${key} is not in schema.json`).toBe(true);
    const perms = endpoints.get(key);
    expect(perms, `${key} is root-only in PVE`).not.toBeNull();
    const ours = new Set(stripHandlerNeeds(c.needs).map(canonical));
    const schemaNeeds = perms?.check === undefined ? [] : needsFromSchemaCheck(perms.check);
    for (const need of schemaNeeds) expect(ours, `${key} misses ${canonical(need)}`).toContain(canonical(need));
    // and nothing the schema does not check is claimed as a schema check
    expect([...ours].sort()).toEqual(schemaNeeds.map(canonical).sort());
  });

  it.each(calls.map((c) => [`${c.action}: ${c.method} ${c.path}`, c] as const))('%s lists the privileges its description names', (_name, c) => {
    const description = endpoints.get(`${c.method} ${c.path}`)?.description ?? '';
    const named = [...pve9].filter((p) => new RegExp(`(^|[^A-Za-z.])${p.replace(/\./g, '\\.')}([^A-Za-z.]|$)`).test(description));
    const ours = privilegesNamed(c.needs);
    for (const p of named) expect(ours, `${c.method} ${c.path}: description names ${p}`).toContain(p);
  });

  it('names only valid PVE 9 privileges, and versions.ts agrees with privileges.md', () => {
    expect([...PVE9_PRIVILEGES].sort()).toEqual([...pve9].sort());
    for (const c of calls) for (const p of privilegesNamed(c.needs)) expect(pve9, `${c.path}: ${p}`).toContain(p);
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
