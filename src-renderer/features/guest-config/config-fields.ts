// What kind of field each guest config key gets in the editor, and the checks that run before a plan is built.
export type FieldKind = 'text' | 'longtext' | 'tags' | 'switch' | 'count' | 'mib' | 'property';

export const OPTION_STRING = /^(net|scsi|virtio|sata|ide|mp)\d+$|^rootfs$/;

const KINDS: Record<string, FieldKind> = {
  name: 'text',
  hostname: 'text',
  description: 'longtext',
  tags: 'tags',
  onboot: 'switch',
  protection: 'switch',
  cores: 'count',
  sockets: 'count',
  memory: 'mib',
  balloon: 'mib',
  swap: 'mib',
};

export const LABELS: Record<string, string> = {
  name: 'Name',
  hostname: 'Hostname',
  description: 'Notes',
  tags: 'Tags',
  onboot: 'Start at boot',
  protection: 'Protection',
  cores: 'Cores',
  sockets: 'Sockets',
  memory: 'Memory',
  balloon: 'Minimum memory (balloon)',
  swap: 'Swap',
};

export function kindOf(key: string): FieldKind {
  return KINDS[key] ?? (OPTION_STRING.test(key) ? 'property' : 'text');
}

export function labelOf(key: string): string {
  return LABELS[key] ?? key;
}

/** The keys the editor offers for a guest type, in PVE's Hardware/Options order. */
export function editableKeys(type: 'qemu' | 'lxc', present: string[]): string[] {
  const base =
    type === 'qemu'
      ? ['name', 'memory', 'balloon', 'sockets', 'cores', 'onboot', 'protection', 'tags', 'description']
      : ['hostname', 'memory', 'swap', 'cores', 'onboot', 'protection', 'tags', 'description'];
  return [...base, ...present.filter((k) => OPTION_STRING.test(k))];
}

/** PVE stores tags separated by ';' (older versions also ',' or spaces). */
export function splitTags(value: string): string[] {
  return value.split(/[;, ]+/).filter(Boolean);
}

const DNS_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/** A guest name / hostname as PVE takes it (a DNS name), as a sentence; undefined = fine. */
export function dnsNameProblem(label: string, value: string): string | undefined {
  return DNS_NAME.test(value)
    ? undefined
    : `${label}: letters, digits, dots and dashes; starts and ends with a letter or digit.`;
}

/** Sentences about the field, never schema words; undefined = fine. */
export function fieldProblem(key: string, value: string): string | undefined {
  const label = labelOf(key);
  const kind = kindOf(key);
  if (value.trim() === '') {
    return key === 'memory' || key === 'cores' ? `${label}: needs a value.` : undefined;
  }
  if (kind === 'count' && !/^[1-9]\d*$/.test(value)) return `${label}: a whole number of 1 or more.`;
  if (kind === 'mib') {
    if (!/^\d+$/.test(value)) return `${label}: a whole number of MiB.`;
    if (key === 'memory' && Number(value) < 16) return `${label}: at least 16 MiB.`;
  }
  if (key === 'name' || key === 'hostname') return dnsNameProblem(label, value);
  if (kind === 'tags' && splitTags(value).some((t) => !/^[a-z0-9_][a-z0-9_+.-]*$/i.test(t))) {
    return `${label}: each tag is letters, digits and _ + . - (no spaces).`;
  }
  return undefined;
}

/** "virtio=AA:BB,bridge=vmbr0,firewall=1" → ordered pairs; a bare first value (a volume) gets key "". */
export function parseProperties(raw: string): Array<[string, string]> {
  if (!raw) return [];
  return raw.split(',').map((part, i) => {
    const eq = part.indexOf('=');
    if (eq < 0) return [i === 0 ? '' : part, i === 0 ? part : ''];
    return [part.slice(0, eq), part.slice(eq + 1)];
  });
}

export function joinProperties(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => (k === '' ? v : `${k}=${v}`)).join(',');
}
