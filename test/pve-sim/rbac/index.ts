// Entry point of the simulator's RBAC engine: builds an AccessControl from user.cfg/token.cfg text.
import { SimAccessControl } from './access-control.js';
import { parseTokenCfg } from './token-cfg.js';
import {
  DEFAULT_ROOT_PASSWORD,
  DEMO_PASSWORDS,
  DEMO_TOTP_SECRET,
  DEMO_TOTP_USER,
  defaultTokenCfg,
  defaultUserCfg,
} from './default-state.js';

export {
  DEFAULT_ROOT_PASSWORD,
  DEMO_PASSWORDS,
  DEMO_POOL,
  DEMO_TOKENS,
  DEMO_TOTP_SECRET,
  DEMO_TOTP_USER,
  defaultTokenCfg,
  defaultUserCfg,
} from './default-state.js';
export { SimAccessControl } from './access-control.js';

export interface AccessControlOptions {
  /** user.cfg text; default: defaultUserCfg() (then demo passwords, TOTP and token secrets apply) */
  userCfg?: string;
  /** token.cfg text; default: the demo secrets when userCfg is the default, else none */
  tokenCfg?: string;
  /** root@pam's password; default DEFAULT_ROOT_PASSWORD */
  rootPassword?: string;
  /** clock in ms since epoch (token/user expiry) */
  now?: () => number;
}

export function createAccessControl(opts: AccessControlOptions = {}): SimAccessControl {
  const isDefault = opts.userCfg === undefined;
  const passwords = new Map<string, string>(isDefault ? Object.entries(DEMO_PASSWORDS) : []);
  passwords.set('root@pam', opts.rootPassword ?? DEFAULT_ROOT_PASSWORD);
  return new SimAccessControl({
    userCfg: opts.userCfg ?? defaultUserCfg(),
    tokenSecrets: parseTokenCfg(opts.tokenCfg ?? (isDefault ? defaultTokenCfg() : '')),
    passwords,
    totp: new Map(isDefault ? [[DEMO_TOTP_USER, DEMO_TOTP_SECRET]] : []),
    now: opts.now ?? Date.now,
  });
}
