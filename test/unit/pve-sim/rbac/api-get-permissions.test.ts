// Conformance: PVE's api-get-permissions-test vectors against permissionsAnswer().
import { describe, expect, it } from 'vitest';
import { createAccessControl } from '../../../pve-sim/rbac/index.js';
import { PveHttpError, type Principal } from '../../../pve-sim/http/types.js';
import { splitTokenId } from '../../../pve-sim/rbac/ids.js';
import { loadApiCases, readConfig } from './reference-data.js';

function principalOf(id: string): Principal {
  const tok = splitTokenId(id);
  return tok ? { kind: 'token', userid: tok[0], tokenid: tok[1], full: id } : { kind: 'user', userid: id };
}

describe('PVE api-get-permissions vectors', () => {
  const cases = loadApiCases();
  it('has all 32 cases', () => expect(cases).toHaveLength(32));
  it.each(cases.map((c, i) => [i, c.description, c] as const))('#%i %s', (_i, _d, c) => {
    const acl = createAccessControl({ userCfg: readConfig(c.config_file) });
    const ask = () => acl.permissionsAnswer(principalOf(c.rpcuser), c.params.path, c.params.userid);
    if (c.should_fail) {
      expect(ask).toThrow(PveHttpError);
      expect(ask).toThrow('Permission check failed (/access, Sys.Audit)\n');
      return;
    }
    const answer = ask();
    expect(answer).toEqual(c.expected_result_derived);
    // upstream compares with the effective permissions of the named principal, queried directly
    const target = c.result_equals_effective_permissions_of ?? c.rpcuser;
    expect(answer).toEqual(acl.permissionsAnswer(principalOf(target)));
  });
});
