// Reads and caches what each connected identity may do: GET /access/permissions (and the user side of a privsep token).
import type { PermissionsInfo } from '../../../src-shared/ipc/channels/permissions.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { type PermissionsAnswer, privilegesAt } from '../../../src-shared/permissions/evaluate.js';
import { majorOf } from '../../../src-shared/permissions/versions.js';
import { getPermissions, getTokenInfo } from '../../pve/api/access.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getVersion } from '../../pve/api/version.js';
import { toAnswer } from '../../plans/plan-builder.js';

export interface PermissionsServiceDeps {
  /** the open client of a connected profile, with the identity PVE checks */
  clientFor(profileId: string): PveCaller & { readonly identity: string };
  onChanged?(profileId: string): void;
  now?: () => number;
}

export interface PermissionsService {
  /** cached; read on first use or when refresh is set */
  get(profileId: string, refresh?: boolean): Promise<PermissionsInfo>;
  /** re-read now (after connect, after an access-changing plan) and tell listeners */
  refresh(profileId: string): Promise<PermissionsInfo>;
  /** re-read every profile read so far (an access-changing plan may affect any of them); failures are left for the next get */
  refreshAll(): Promise<void>;
  /** forget a profile (disconnect) */
  drop(profileId: string): void;
}

const splitToken = (identity: string): { user: string; token: string } | undefined => {
  const bang = identity.indexOf('!');
  return bang > 0 ? { user: identity.slice(0, bang), token: identity.slice(bang + 1) } : undefined;
};

const problemText = (err: unknown): string =>
  err instanceof AppFailure && err.code === 'permission_denied'
    ? `the token may not read its user's permissions (${err.message.trim()}); this needs Sys.Audit on /access`
    : `could not be read: ${err instanceof Error ? err.message : 'unknown error'}`;

type UserSide = { userAnswer?: PermissionsAnswer; userAnswerProblem?: string };

async function userSide(c: PveCaller, user: string): Promise<UserSide> {
  try {
    return { userAnswer: toAnswer(await getPermissions(c, { userid: user })) };
  } catch (err) {
    return { userAnswerProblem: problemText(err) };
  }
}

async function privsepOf(c: PveCaller, user: string, token: string): Promise<boolean | null> {
  try {
    return (await getTokenInfo(c, user, token)).privsep ?? true;
  } catch {
    return null;
  }
}

async function read(
  profileId: string,
  c: PveCaller & { readonly identity: string },
  now: () => number,
): Promise<PermissionsInfo> {
  const identity = c.identity;
  const token = splitToken(identity);
  const [perms, version, user, privsep] = await Promise.all([
    getPermissions(c),
    getVersion(c),
    token ? userSide(c, token.user) : Promise.resolve<UserSide>({}),
    token ? privsepOf(c, token.user, token.token) : Promise.resolve(null),
  ]);
  const answer = toAnswer(perms);
  return {
    profileId,
    identity,
    isToken: token !== undefined,
    // a token whose effective set differs from its user's is separated, whatever the token entry said
    privsep:
      privsep ??
      (user.userAnswer && JSON.stringify(user.userAnswer) !== JSON.stringify(answer) ? true : null),
    answer,
    ...user,
    version: version.version,
    major: majorOf(version.version) ?? null,
    canSetUpTokens:
      privilegesAt(answer, '/access').has('Permissions.Modify') &&
      privilegesAt(answer, '/access/groups').has('User.Modify'),
    readAt: now(),
  };
}

export function createPermissionsService(deps: PermissionsServiceDeps): PermissionsService {
  const cache = new Map<string, Promise<PermissionsInfo>>();
  const now = deps.now ?? Date.now;

  function load(profileId: string): Promise<PermissionsInfo> {
    const pending = read(profileId, deps.clientFor(profileId), now);
    cache.set(profileId, pending);
    // a failed read is not cached: the next call tries again
    pending.catch(() => {
      if (cache.get(profileId) === pending) cache.delete(profileId);
    });
    return pending;
  }

  const service: PermissionsService = {
    get(profileId, refresh) {
      const cached = cache.get(profileId);
      return cached && !refresh ? cached : load(profileId);
    },
    async refresh(profileId) {
      const info = await load(profileId);
      deps.onChanged?.(profileId);
      return info;
    },
    async refreshAll() {
      await Promise.all([...cache.keys()].map((id) => service.refresh(id).catch(() => undefined)));
    },
    drop(profileId) {
      cache.delete(profileId);
    },
  };
  return service;
}
