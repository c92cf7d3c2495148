// Cross-check: evaluate.ts on a /access/permissions answer decides like the simulator's RBAC running the schema's own checks.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccessControl } from '../../pve-sim/rbac/index.js';
import type { Principal } from '../../pve-sim/http/types.js';
import { ACTIONS, expandCalls } from '../../../src-shared/permissions/action-privileges.js';
import { evaluateNeeds } from '../../../src-shared/permissions/evaluate.js';
import { stripHandlerNeeds } from '../../../src-shared/permissions/requirement.js';
import { loadEndpoints, schemaPath } from './reference.js';

const endpoints = loadEndpoints();
const fixture = (name: string): string =>
  readFileSync(join(dirname(schemaPath), 'access-tests/configs', name), 'utf8');

const principalOf = (id: string): Principal => {
  const [userid, tokenid] = id.split('!') as [string, string | undefined];
  return tokenid ? { kind: 'token', userid, tokenid, full: id } : { kind: 'user', userid };
};

const TARGETS = [100, 120, 125, 300, 500, 600, 700].flatMap((vmid) => [
  {
    node: 'pve1',
    vmid,
    snapname: 's1',
    newid: 900,
    storage: 'local-lvm',
    poolid: 'devel',
    path: `/vms/${vmid}`,
  },
  {
    node: 'pve1',
    vmid,
    snapname: 's1',
    newid: 901,
    pool: 'OpenVLE-VMs',
    storage: 'store1',
    poolid: 'OpenVLE-VMs',
    path: '/pool/devel',
  },
]);

const CONFIGS: [string, string | undefined, string[]][] = [
  [
    'default simulator state',
    undefined,
    [
      'OpenVLE@pve',
      'OpenVLE@pve!prod01',
      'auditor@pve!ro',
      'support@pve!console',
      'ops@pve!ops',
      'empty@pve!noacl',
      'totp@pve',
    ],
  ],
  [
    'upstream test6 (pools)',
    fixture('test6.cfg'),
    ['User1@pve', 'User2@pve', 'User3@pve', 'User4@pve', 'intern@pve'],
  ],
];

describe.each(CONFIGS)('evaluate.ts agrees with the simulator RBAC: %s', (_name, userCfg, principals) => {
  const rbac = createAccessControl(userCfg === undefined ? {} : { userCfg });
  const calls = ACTIONS.flatMap((a) => expandCalls(a)).filter(
    (c) => endpoints.get(`${c.method} ${c.path}`)?.check !== undefined,
  );

  it.each(principals)('%s', (id) => {
    const principal = principalOf(id);
    const answer = rbac.permissionsAnswer(principal);
    let allowed = 0;
    let denied = 0;
    for (const c of calls) {
      const perms = endpoints.get(`${c.method} ${c.path}`) ?? undefined;
      for (const vars of TARGETS) {
        const sim = rbac.check(perms as never, principal, vars).ok;
        const verdict = evaluateNeeds(stripHandlerNeeds(c.needs), answer, vars, { id });
        if (verdict.unchecked.length > 0) continue; // a variable this target set does not give (e.g. userid)
        expect(verdict.allowed, `${id} ${c.method} ${c.path} ${JSON.stringify(vars)}`).toBe(sim);
        if (sim) allowed += 1;
        else denied += 1;
      }
    }
    expect(allowed + denied).toBeGreaterThan(400);
  });
});
