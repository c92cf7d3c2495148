// Handlers of /access/* and /pools: users, tokens, ACLs, roles, groups, domains, permissions.
import type { HandlerRegistry } from '../http/types.js';
import type { AccessControl } from '../rbac/types.js';

export function registerAccessHandlers(registry: HandlerRegistry, acl: AccessControl): void {
  void registry;
  void acl;
}
