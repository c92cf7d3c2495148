// Composition root: builds every main-side service and the full handler table for the IPC contract.
// Each area adds its handlers with one spread line (`...createXHandlers(deps)`) and its cleanup to `disposers`.
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import type { Handlers } from './ipc/dispatch.js';
import { createEventBus, type EventBus } from './ipc/event-bus.js';

export interface AppServicesOptions {
  /** Where profiles, pins and the audit log live (Electron userData, or a temp dir in tests). */
  configDir: string;
  host: 'electron' | 'web';
}

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  dispose(): Promise<void>;
}

const PackageInfo = z.object({ version: z.string() });

export const APP_NAME = 'Proxdeck';
export const APP_VERSION = PackageInfo.parse(packageJson).version;

function createAppHandlers(host: AppServicesOptions['host']): Pick<Handlers, 'app.version'> {
  return {
    'app.version': () => ({ name: APP_NAME, version: APP_VERSION, host }),
  };
}

export function createAppServices(opts: AppServicesOptions): AppServices {
  const events = createEventBus();
  const disposers: Array<() => Promise<void> | void> = [];

  const handlers: Handlers = {
    ...createAppHandlers(opts.host),
  };

  return {
    handlers,
    events,
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
      events.clear();
    },
  };
}
