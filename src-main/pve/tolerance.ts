// The one place that says where Proxdeck accepts PVE's looser answers, and which PVE versions need each tolerance.
// Strict on structure (an entry that is not an object, or lacks its id, is refused), tolerant on values PVE itself
// sends loosely. docs/pve-compat.md lists the same table for people; a unit test keeps the two in step.

/** Each tolerance with the PVE versions observed to need it. */
export const TOLERANCES = [
  {
    id: 'numeric-strings',
    versions: '7.x, 8.x, 9.x',
    what: 'numbers sent as strings ("100", "0.00") are read as numbers',
  },
  { id: 'vmid-string', versions: '7.x', what: 'vmid as a string in /cluster/resources and task lists' },
  {
    id: 'pressure-strings',
    versions: '9.x',
    what: 'pressure* metrics as strings ("0.00") in RRD and status answers',
  },
  {
    id: 'lxc-raw-pairs',
    versions: '7.x, 8.x, 9.x',
    what: 'container config key lxc is a list of [key, value] pairs',
  },
  { id: 'lxc-cpus-string', versions: '7.x, 8.x', what: 'container status/current cpus as a string' },
  {
    id: 'negative-cpu',
    versions: '7.x, 8.x, 9.x',
    what: 'container cpu slightly below 0 right after start: shown as 0',
  },
  { id: 'empty-name', versions: '7.x, 8.x, 9.x', what: 'empty guest name: shown as "VM 100" / "CT 105"' },
  {
    id: 'task-id',
    versions: '7.x, 8.x, 9.x',
    what: 'task id "" or not a guest id ("networking", "local-lvm")',
  },
  {
    id: 'task-exitstatus',
    versions: '7.x, 8.x, 9.x',
    what: 'free-text exit statuses; "WARNINGS: n" is success',
  },
  {
    id: 'ha-lrm-unreadable',
    versions: '7.x, 8.x, 9.x',
    what: 'an LRM entry with node "" ("unable to read lrm status") is not a node',
  },
  {
    id: 'pve-date',
    versions: '7.x, 8.x, 9.x',
    what: 'HA status texts carry dates as "Thu Sep 17 15:39:24 2026"',
  },
  {
    id: 'rrd-columns',
    versions: '9.x',
    what: 'node memavailable/arcsize/pressure*, guest memhost/pressure*; guest mem is guest-reported',
  },
  {
    id: 'pbs-backups',
    versions: '7.x, 8.x, 9.x',
    what: 'PBS archives: format pbs-vm/pbs-ct, verification {state, upid}, encrypted',
  },
  {
    id: 'node-fields',
    versions: '7.x, 8.x',
    what: '/nodes entries without cgroup-mode/host-arch, with level "c"/"p"',
  },
  {
    id: 'skip-odd-entry',
    versions: 'all',
    what: 'one entry a list cannot read is skipped, logged and counted, not fatal',
  },
  {
    id: 'unknown-keys',
    versions: 'all',
    what: 'keys we do not know are kept where the answer is shown raw, ignored elsewhere',
  },
] as const;
export type ToleranceId = (typeof TOLERANCES)[number]['id'];

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A number where PVE's schema says number/integer, also when Perl sent it as a string; undefined otherwise. */
export function looseNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && NUMERIC.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** The guest's name, or PVE's own fallback when it is missing or empty. */
export function guestDisplayName(name: string | undefined, type: string, vmid: number): string {
  return name && name.trim() !== '' ? name : `${type === 'qemu' ? 'VM' : 'CT'} ${vmid}`;
}

/** CPU as a fraction: containers report slightly negative values right after start (cgroup counters). */
export function clampCpu(cpu: number): number {
  return cpu < 0 ? 0 : cpu;
}

/** A task's id names a guest only when it is a vmid; "" and "networking" and storage names do not. */
export function taskVmid(id: string | undefined): number | undefined {
  return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
}

/** PVE counts "OK" and "WARNINGS: n" as success; anything else ("job errors", "unexpected status") failed. */
export function exitStatusClass(exitstatus: string | undefined): 'ok' | 'warning' | 'error' {
  if (exitstatus === 'OK') return 'ok';
  return /^WARNINGS: \d+$/.test(exitstatus ?? '') ? 'warning' : 'error';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PVE_DATE =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})\b/;

/** Finds PVE's date format ("Thu Sep 17 15:39:24 2026", Perl's localtime) in a text; epoch ms as if UTC, or undefined. */
export function parsePveDate(text: string): number | undefined {
  const m = PVE_DATE.exec(text);
  if (!m) return undefined;
  const [, mon, day, hh, mm, ss, year] = m;
  return Date.UTC(Number(year), MONTHS.indexOf(mon!), Number(day), Number(hh), Number(mm), Number(ss));
}

/** The raw `lxc.*` lines of a container config: PVE answers them as `lxc: [[key, value], ...]`. */
export function lxcRawLines(v: unknown): Array<{ key: string; value: string }> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Array<{ key: string; value: string }> = [];
  for (const pair of v) {
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const [key, value] = pair as unknown[];
    if (typeof key !== 'string' || !key.startsWith('lxc.')) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    out.push({ key, value: String(value) });
  }
  return out;
}

export interface SkipLog {
  /** records one entry that could not be read; logged once per area and reason */
  skip(area: string, index: number, reason: string): void;
  readonly count: number;
}

const warned = new Set<string>();

/** Counts the entries one answer skipped; the first skip of each area/reason is logged (without values: they may be private). */
export function createSkipLog(log: (line: string) => void = (l) => console.warn(l)): SkipLog {
  let count = 0;
  return {
    skip(area, index, reason) {
      count++;
      const key = `${area}:${reason}`;
      if (warned.has(key)) return;
      if (warned.size > 200) warned.clear();
      warned.add(key);
      log(`PVE answer: skipped ${area} entry #${index} (${reason})`);
    },
    get count() {
      return count;
    },
  };
}
