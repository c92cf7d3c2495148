// Syntax rules PVE applies to user, token, group, role and pool ids, ACL paths and user.cfg fields.

const REALM = '[A-Za-z][A-Za-z0-9.\\-_]+';
const USERID_RE = new RegExp(`^[^\\s:/]+@${REALM}$`);
const TOKEN_NAME = '[A-Za-z][A-Za-z0-9.\\-_]+';
const TOKENID_RE = new RegExp(`^([^\\s:/]+@${REALM})!(${TOKEN_NAME})$`);
const SIMPLE_ID_RE = /^[A-Za-z0-9.\-_]+$/;
const POOL_RE = /^[A-Za-z0-9.\-_]+(?:\/[A-Za-z0-9.\-_]+){0,2}$/;
const STORAGE_RE = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;

export function isUserid(s: string): boolean {
  return s.length <= 64 && USERID_RE.test(s);
}

/** "user@realm!name" -> [userid, name], or undefined when not a token id. */
export function splitTokenId(s: string): [string, string] | undefined {
  const m = TOKENID_RE.exec(s);
  if (!m || !m[1] || !m[2] || m[1].length > 64) return undefined;
  return [m[1], m[2]];
}

export function isTokenName(s: string): boolean {
  return new RegExp(`^${TOKEN_NAME}$`).test(s);
}

export const isGroupId = (s: string): boolean => SIMPLE_ID_RE.test(s);
export const isRoleId = (s: string): boolean => SIMPLE_ID_RE.test(s);
export const isPoolId = (s: string): boolean => POOL_RE.test(s);
export const isStorageId = (s: string): boolean => STORAGE_RE.test(s);

export function realmOf(userid: string): string {
  return userid.slice(userid.lastIndexOf('@') + 1);
}

/** PVE's normalize_path: leading '/', no repeated or trailing '/', restricted characters. */
export function normalizePath(raw: string): string | undefined {
  if (!raw) return undefined;
  let p = raw.startsWith('/') ? raw : `/${raw}`;
  p = p.replace(/\/+/g, '/').replace(/\/$/, '');
  if (p === '') p = '/';
  return /^[A-Za-z0-9._/-]+$/.test(p) ? p : undefined;
}

/** PVE's split_list: ',', ';' and whitespace all separate. */
export function splitList(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .replace(/[,;]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((x) => x !== '');
}

/** PVE's encode_text: percent-encode ':' and every byte outside printable ASCII (UTF-8 first). */
export function encodeText(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const safe = byte >= 0x20 && byte <= 0x7e && byte !== 0x3a;
    out += safe ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function decodeText(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
