// The operations.build channel: one request builds a plan for any backup, HA, migrate or provision action.
// Each feature declares its actions in its own channel file; this file only joins them into one union.
import { z } from 'zod';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';
import { backupActions } from './backups.js';
import { haActions } from './ha.js';
import { migrateActions } from './migrate.js';
import { provisionActions } from './provision.js';

const ProfileId = z.string().min(1).max(64);

export const OperationAction = z.discriminatedUnion('kind', [
  ...backupActions,
  ...haActions,
  ...migrateActions,
  ...provisionActions,
]);
export type OperationAction = z.infer<typeof OperationAction>;

export const operationsRequests = {
  /** builds a plan for an operation; changes nothing. Pre-flight refusals answer conflict with the reason. Run it with plans.run. */
  'operations.build': request(z.object({ profileId: ProfileId, action: OperationAction }).strict(), Plan),
} as const;
