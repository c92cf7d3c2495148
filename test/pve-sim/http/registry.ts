// The handler registry: handlers keyed by method + schema template; in less-strict mode registering also creates the route.
import type { Router } from '../schema/router.js';
import type { Handler, HandlerRegistry, HttpMethod, UpgradeHandler } from './types.js';

export function createRegistry(router: Router, validating: boolean): HandlerRegistry {
  const handlers = new Map<string, Handler>();
  const upgrades = new Map<string, UpgradeHandler>();
  return {
    add(method: HttpMethod, template: string, handler: Handler) {
      if (!validating) router.ensure(template);
      handlers.set(`${method} ${template}`, handler);
    },
    get: (method, template) => handlers.get(`${method} ${template}`),
    addUpgrade(template, handler) {
      if (!validating) router.ensure(template);
      upgrades.set(template, handler);
    },
    getUpgrade: (template) => upgrades.get(template),
  };
}
