// Cluster profiles in <config dir>/profiles.json: zod-checked on load, written atomically, secrets
// kept in the keychain. A corrupt file is moved aside and reported, never silently overwritten.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { Profile, ProfileDraft, splitHostPort, type ProfileView } from '../../../src-shared/model/profile.js';
import type { SecretStore } from '../../secrets/keychain.js';

const ProfilesFile = z.object({ version: z.literal(1), profiles: z.array(Profile) });

export interface ProfileStore {
  readonly file: string;
  /** set when the file on disk was unreadable; it was renamed to `backup` */
  readonly loadProblem: { message: string; backup: string } | undefined;
  list(): Promise<ProfileView[]>;
  get(id: string): Profile;
  /** validates, stores the secret first (refusing without a keychain), then writes the file */
  save(draft: ProfileDraft, secret?: string, opts?: SaveOptions): Promise<ProfileView>;
  /** save, answering also the profile before and whether its stored secret was dropped (for the audit log) */
  saveChecked(draft: ProfileDraft, secret?: string, opts?: SaveOptions): Promise<SaveOutcome>;
  /** clears the read-only flag: only the confirmed "make writable" step calls this */
  setWritable(id: string): Promise<ProfileView>;
  delete(id: string): Promise<boolean>;
  setPin(id: string, fingerprint: string | undefined): Promise<ProfileView>;
  readSecret(id: string): Promise<string | undefined>;
}

export interface SaveOptions {
  /**
   * The pin comes from main's own trusted source (the demo's simulator), not from a caller: skip the check that
   * main observed it on a handshake.
   */
  trustedPin?: boolean;
}

export interface SaveOutcome {
  view: ProfileView;
  before: Profile | undefined;
  secretDropped: boolean;
}

/** What a stored secret is bound to: sending it anywhere else needs the user to enter it again. */
export function secretIdentity(p: Profile): string {
  const who =
    p.auth.kind === 'token' ? `token:${p.auth.tokenId}` : `password:${p.auth.username}@${p.auth.realm}`;
  return `${p.host.toLowerCase()}:${p.port}|${who}`;
}

export function secretAccount(profileId: string): string {
  return `profile:${profileId}`;
}

async function loadFile(
  file: string,
  now: () => Date,
): Promise<{ profiles: Profile[]; problem?: { message: string; backup: string } }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: [] };
    throw err;
  }
  let problem: string;
  try {
    const parsed = ProfilesFile.safeParse(JSON.parse(text));
    if (parsed.success) return { profiles: parsed.data.profiles };
    const issue = parsed.error.issues[0];
    problem = `profiles.json does not match the expected format (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'shape'})`;
  } catch {
    problem = 'profiles.json is not valid JSON';
  }
  const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, backup);
  return { profiles: [], problem: { message: `${problem}; it was kept as ${backup}`, backup } };
}

export async function openProfileStore(opts: {
  configDir: string;
  secrets: SecretStore;
  now?: () => Date;
  /** did main itself see this fingerprint on a TLS handshake with host:port (the probe record)? */
  pinObserved?: (host: string, port: number, fingerprint: string) => boolean;
}): Promise<ProfileStore> {
  const file = join(opts.configDir, 'profiles.json');
  await mkdir(opts.configDir, { recursive: true, mode: 0o700 });
  const loaded = await loadFile(file, opts.now ?? (() => new Date()));
  let profiles = loaded.profiles;

  async function persist(next: Profile[]): Promise<void> {
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ version: 1, profiles: next }, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file);
    profiles = next;
  }

  function find(id: string): Profile {
    const p = profiles.find((x) => x.id === id);
    if (!p) throw new AppFailure('not_found', `No profile with id ${id}`);
    return p;
  }

  async function view(p: Profile): Promise<ProfileView> {
    let hasSecret = false;
    try {
      hasSecret = await opts.secrets.has(secretAccount(p.id));
    } catch {
      // No keychain: the profile still lists; connecting will explain.
    }
    return { ...p, hasSecret };
  }

  /** A pin is kept only when it was already this host's pin, or main saw it on a handshake with this host:port. */
  function checkedPin(profile: Profile, previous: Profile | undefined, trusted: boolean): string | undefined {
    const pin = profile.pinnedFingerprint;
    if (pin === undefined || trusted) return pin;
    const sameHost = previous && previous.host === profile.host && previous.port === profile.port;
    if (sameHost && previous.pinnedFingerprint === pin) return pin;
    if (opts.pinObserved?.(profile.host, profile.port, pin)) return pin;
    if (previous && !sameHost && previous.pinnedFingerprint === pin) return undefined;
    throw new AppFailure(
      'tls_untrusted',
      `This fingerprint was not seen on ${profile.host}:${profile.port}: check the certificate again and trust it`,
    );
  }

  async function saveChecked(
    draft: ProfileDraft,
    secret: string | undefined,
    saveOpts: SaveOptions = {},
  ): Promise<SaveOutcome> {
    const input = ProfileDraft.parse(draft);
    const split = splitHostPort(input.host, input.port ?? 8006);
    const id = input.id ?? randomUUID();
    const previous = profiles.find((p) => p.id === id);
    const profile = Profile.parse({ ...input, id, host: split.host, port: input.port ?? split.port });
    if (previous?.readOnly && !profile.readOnly)
      throw new AppFailure(
        'read_only',
        'Making a read-only profile writable is its own confirmed step ("Allow changes"), not a profile edit',
      );
    const pin = checkedPin(profile, previous, saveOpts.trustedPin === true);
    if (pin === undefined) delete profile.pinnedFingerprint;
    // The secret was stored for one host, port and account; it never follows the profile anywhere else.
    const rebound = previous !== undefined && secretIdentity(previous) !== secretIdentity(profile);
    let secretDropped = false;
    if (secret !== undefined) await opts.secrets.set(secretAccount(id), secret);
    else if (rebound) secretDropped = await opts.secrets.delete(secretAccount(id));
    await persist(previous ? profiles.map((p) => (p.id === id ? profile : p)) : [...profiles, profile]);
    return { view: await view(profile), before: previous, secretDropped };
  }

  return {
    file,
    loadProblem: loaded.problem,
    list: () => Promise.all(profiles.map(view)),
    get: find,
    save: async (draft, secret, saveOpts) => (await saveChecked(draft, secret, saveOpts)).view,
    saveChecked,
    async setWritable(id) {
      const next = { ...find(id), readOnly: false };
      await persist(profiles.map((p) => (p.id === id ? next : p)));
      return view(next);
    },
    async delete(id) {
      if (!profiles.some((p) => p.id === id)) return false;
      await opts.secrets.delete(secretAccount(id));
      await persist(profiles.filter((p) => p.id !== id));
      return true;
    },
    async setPin(id, fingerprint) {
      const current = find(id);
      const next = Profile.parse({ ...current, pinnedFingerprint: fingerprint });
      await persist(profiles.map((p) => (p.id === id ? next : p)));
      return view(next);
    },
    readSecret: (id) => opts.secrets.read(secretAccount(id)),
  };
}
