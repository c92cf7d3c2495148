// PVE's named string formats (pve-common JSONSchema.pm and friends): each returns the validator's die text, or undefined when valid.
import { isIP } from 'node:net';

type Verifier = (v: string) => string | undefined;

const re =
  (rx: RegExp, msg: (v: string) => string): Verifier =>
  (v) =>
    rx.test(v) ? undefined : msg(v);

const CONFIGID = /^[a-z][a-z0-9_-]+$/i;
const USERNAME = '[^\\s:/]+';
const REALM = '[A-Za-z][A-Za-z0-9\\.\\-_]+';
const USERID = new RegExp(`^${USERNAME}@${REALM}$`);

function cidr(v: string, family: 0 | 4 | 6): boolean {
  const m = /^(.+)\/(\d{1,3})$/.exec(v);
  if (!m?.[1] || !m[2]) return false;
  const fam = isIP(m[1]);
  if (fam === 0 || (family !== 0 && fam !== family)) return false;
  return Number(m[2]) <= (fam === 4 ? 32 : 128);
}

function poolid(v: string): string | undefined {
  if (v.split('/').length > 3) return `pool name '${v}' has too many levels\n`;
  return /^[A-Za-z0-9.\-_]+(?:\/[A-Za-z0-9.\-_]+){0,2}$/.test(v) ? undefined : `invalid pool name '${v}'\n`;
}

function tokenid(v: string): string | undefined {
  const m = /^(.+)!([A-Za-z][A-Za-z0-9.\-_]+)$/.exec(v);
  return m?.[1] && USERID.test(m[1]) ? undefined : `value '${v}' does not look like a valid token ID\n`;
}

const VERIFIERS: Record<string, Verifier> = {
  'pve-vmid': re(/^[1-9][0-9]{2,8}$/, () => 'value does not look like a valid VM ID\n'),
  'pve-node': re(
    /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    () => 'value does not look like a valid node name\n',
  ),
  'pve-storage-id': re(
    /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i,
    (v) => `storage ID '${v}' contains illegal characters\n`,
  ),
  'pve-configid': re(CONFIGID, (v) => `invalid configuration ID '${v}'\n`),
  'pve-poolid': poolid,
  'pve-userid': (v) =>
    USERID.test(v) && v.length <= 64 ? undefined : `value '${v}' does not look like a valid user name\n`,
  'pve-tokenid': tokenid,
  'pve-realm': re(new RegExp(`^${REALM}$`), () => 'value does not look like a valid realm\n'),
  'pve-groupid': re(/^[A-Za-z0-9.\-_]+$/, (v) => `invalid group name '${v}'\n`),
  'pve-roleid': re(/^[A-Za-z0-9.\-_]+$/, (v) => `role name '${v}' contains invalid characters\n`),
  'pve-priv': re(/^[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)+$/, (v) => `invalid privilege name '${v}'\n`),
  'pve-tag': re(/^[a-z0-9_][a-z0-9_\-+.]*$/i, (v) => `invalid tag '${v}'\n`),
  'pve-bridge-id': re(/^[-_.\w\d]+$/, (v) => `invalid bridge ID '${v}'\n`),
  'pve-iface': re(/^[a-zA-Z][a-zA-Z0-9_.\-]{1,19}$/, (v) => `invalid network interface name '${v}'\n`),
  'pve-sdn-vnet-id': re(/^[a-z][a-z0-9]*[a-z0-9]$/i, (v) => `vnet ID '${v}' contains illegal characters\n`),
  'pve-sdn-zone-id': re(/^[a-z][a-z0-9]*[a-z0-9]$/i, (v) => `zone ID '${v}' contains illegal characters\n`),
  'mac-addr': re(
    /^[a-f0-9][02468ace](?::[a-f0-9]{2}){5}$/i,
    () => 'value does not look like a valid unicast MAC address\n',
  ),
  ip: (v) => (isIP(v) ? undefined : 'value does not look like a valid IP address\n'),
  ipv4: (v) => (isIP(v) === 4 ? undefined : 'value does not look like a valid IPv4 address\n'),
  ipv6: (v) => (isIP(v) === 6 ? undefined : 'value does not look like a valid IPv6 address\n'),
  address: (v) =>
    isIP(v) || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(v)
      ? undefined
      : 'value does not look like a valid address\n',
  CIDR: (v) => (cidr(v, 0) ? undefined : 'value does not look like a valid CIDR network\n'),
  CIDRv4: (v) => (cidr(v, 4) ? undefined : 'value does not look like a valid IPv4 CIDR network\n'),
  CIDRv6: (v) => (cidr(v, 6) ? undefined : 'value does not look like a valid IPv6 CIDR network\n'),
  'dns-name': re(
    /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i,
    () => 'value does not look like a valid DNS name\n',
  ),
  email: re(/^[^\s@]+@[^\s@]+$/, () => 'value does not look like a valid email address\n'),
  'email-or-username': re(/^[^\s]+$/, () => 'value does not look like a valid email address or user name\n'),
  'pve-storage-content': re(
    /^(images|rootdir|vztmpl|iso|backup|snippets|import|none)$/,
    (v) => `invalid content type '${v}'\n`,
  ),
  'pve-volume-id': re(/^[a-z][a-z0-9\-_.]*[a-z0-9]:.+$/i, (v) => `unable to parse volume ID '${v}'\n`),
  'pve-startup-order': re(/^(order=\d+)?(,?(up|down)=\d+)*$/, () => 'invalid startup order\n'),
  'pve-vmid-list-item': re(/^[1-9][0-9]{2,8}$/, () => 'value does not look like a valid VM ID\n'),
};

/** `-list` formats split like PVE's split_list: on NUL if present, else commas, semicolons and whitespace */
export function splitList(v: string): string[] {
  if (v.includes('\0')) return v.split('\0');
  return v
    .replace(/[,;]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((s) => s !== '');
}

/** named format check; unknown formats pass (the simulator does not know every PVE verifier) */
export function checkNamedFormat(format: string, value: string): string | undefined {
  const direct = VERIFIERS[format];
  if (direct) return direct(value);
  const list = /^(.*)-a?list$/.exec(format);
  if (list?.[1] !== undefined) {
    const item = VERIFIERS[list[1]];
    if (!item) return undefined;
    for (const v of splitList(value)) {
      const err = item(v);
      if (err) return err;
    }
    return undefined;
  }
  const opt = /^(.*)-opt$/.exec(format);
  if (opt?.[1] !== undefined) return value === '' ? undefined : checkNamedFormat(opt[1], value);
  return undefined;
}

export const knownFormats = (): string[] => Object.keys(VERIFIERS);
