// The wizard's field checks before asking main: one sentence per field, in the words of the form.
import type { WizardScope } from '../../../src-shared/ipc/channels/wizard.js';

export interface WizardFields {
  kind: WizardScope['kind'];
  pool: string;
  vmids: string;
  storages: string[];
  zones: string[];
  userid: string;
  tokenid: string;
}

export type WizardProblems = Partial<Record<'pool' | 'vmids' | 'userid' | 'tokenid' | 'storages', string>>;

export const splitList = (s: string): string[] => s.split(/[\s,;]+/).filter(Boolean);

export function checkWizard(f: WizardFields): WizardProblems {
  const out: WizardProblems = {};
  if (f.kind === 'pool' && !/^[A-Za-z0-9_.-]{1,64}$/.test(f.pool))
    out.pool = f.pool ? 'Pool name: letters, digits, _ . -, up to 64 characters.' : 'Pool: choose a pool.';
  if (f.kind === 'guests') {
    const ids = splitList(f.vmids);
    if (ids.length === 0) out.vmids = 'Guests: enter at least one guest ID, e.g. 101, 102.';
    else if (ids.some((v) => !/^\d{3,9}$/.test(v) || Number(v) < 100))
      out.vmids = 'Guests: guest IDs are whole numbers from 100 to 999999999, separated by commas.';
    else if (ids.length > 200) out.vmids = 'Guests: up to 200 guests at once.';
  }
  if (f.storages.some((s) => !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(s)))
    out.storages = 'Storages: a storage name starts with a letter, then letters, digits, _ . -.';
  if (!/^[^\s:/@!]{1,60}@[A-Za-z][A-Za-z0-9._-]{1,31}$/.test(f.userid))
    out.userid = 'User: a name, then @ and the realm, e.g. proxdeck@pve.';
  if (!/^[A-Za-z][A-Za-z0-9._-]{1,39}$/.test(f.tokenid))
    out.tokenid = 'Token name: a letter, then letters, digits, _ . -, 2 to 40 characters.';
  return out;
}

export function scopeOf(f: WizardFields): WizardScope {
  const narrow = {
    ...(f.storages.length ? { storages: f.storages } : {}),
    ...(f.zones.length ? { zones: f.zones } : {}),
  };
  if (f.kind === 'pool') return { kind: f.kind, pool: f.pool, ...narrow };
  if (f.kind === 'guests') return { kind: f.kind, vmids: splitList(f.vmids).map(Number), ...narrow };
  return { kind: f.kind, ...narrow };
}
