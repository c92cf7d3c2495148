// The token wizard's data: what the user asked for (preset, scope, ids) and the setup planned from it.
import type { PveMajor } from '../permissions/versions.js';
import type { CallInput } from '../plans/plan.js';
import type { PresetId } from './presets.js';

type Narrowing = { storages?: string[]; zones?: string[] };
export type Scope = (
  { kind: 'cluster' } | { kind: 'pool'; pool: string } | { kind: 'guests'; vmids: number[] }
) &
  Narrowing;

export interface SetupInput {
  preset: PresetId;
  scope: Scope;
  userid: string;
  tokenid: string;
  major: PveMajor;
  rolePrefix?: string;
}
export interface SetupRole {
  roleid: string;
  privs: string[];
}
export interface SetupAcl {
  path: string;
  roleid: string;
  propagate: boolean;
}
export interface SetupCommand {
  line: string;
  explain: string;
}
export interface TokenSetup {
  input: SetupInput;
  roles: SetupRole[];
  acls: SetupAcl[];
  fullTokenId: string;
  commands: SetupCommand[];
  apiCalls: CallInput[];
  dropped: string[];
  notes: string[];
}
