// Access state for cross-cluster tests: the default users plus a token with just what receiving a remote migration
// needs (VM.Allocate, Sys.Incoming) and what reading the target for the pickers needs.
import { defaultTokenCfg, defaultUserCfg } from '../rbac/default-state.js';

export const MIGRATE_TOKEN = 'migrate@pve!xc';
export const MIGRATE_SECRET = '3f5a7c9e-1b2d-4e6f-8a0c-2d4f6a8c0e11';

/** the default access state plus a token with just what receiving a remote migration needs */
export const migrateUserCfg = (): string =>
  `${defaultUserCfg()}user:migrate@pve:1:0:Remote:Migrate::cross-cluster target::
token:${MIGRATE_TOKEN}:0:1:remote migration:
role:RemoteMigrate:VM.Allocate,Sys.Incoming,Sys.Audit,Datastore.Audit,VM.Audit:
acl:1:/:migrate@pve,${MIGRATE_TOKEN}:RemoteMigrate:
`;

export const migrateTokenCfg = (): string => `${defaultTokenCfg()}${MIGRATE_TOKEN} ${MIGRATE_SECRET}\n`;
