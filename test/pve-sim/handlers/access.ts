// Handlers of /access/* and /pools: users, tokens, ACLs, roles, groups, domains, permissions.
import type { HandlerRegistry } from '../http/types.js';
import type { AccessControl } from '../rbac/types.js';
import { type AccessHandlerDeps, engineOf, strParam } from './access/common.js';
import { registerUserHandlers } from './access/users.js';
import { registerTokenHandlers } from './access/tokens.js';
import { registerAclHandlers } from './access/acl.js';
import { registerRoleAndGroupHandlers } from './access/roles-groups.js';
import { registerPoolHandlers } from './pools.js';

export type { AccessHandlerDeps } from './access/common.js';

const DOMAINS = [
  { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication' },
  { realm: 'pve', type: 'pve', comment: 'Proxmox VE authentication server' },
];

export function registerAccessHandlers(
  registry: HandlerRegistry,
  acl: AccessControl,
  deps: AccessHandlerDeps = {},
): void {
  const engine = engineOf(acl);
  registry.add('GET', '/access/domains', () => DOMAINS);
  registry.add('GET', '/access/permissions', (req) => {
    if (!req.principal) throw new Error('GET /access/permissions reached without a principal');
    return acl.permissionsAnswer(req.principal, strParam(req, 'path'), strParam(req, 'userid'));
  });
  registerUserHandlers(registry, engine);
  registerTokenHandlers(registry, engine);
  registerAclHandlers(registry, engine);
  registerRoleAndGroupHandlers(registry, engine);
  registerPoolHandlers(registry, engine, deps);
}
