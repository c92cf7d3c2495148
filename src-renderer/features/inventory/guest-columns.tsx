// The VM/CT grid's columns: what each sorts and filters on, how wide it is, and how a cell looks.
import type { ReactNode } from 'react';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { formatBytes, formatPercent, formatUptime } from './format.js';

export interface GuestColumn {
  id: string;
  header: string;
  /** CSS grid track */
  width: string;
  /** record fields this column reads: a delta touching them re-sorts when the column sorts or filters */
  fields: readonly (keyof GuestRecord)[];
  sortValue(g: GuestRecord): string | number;
  filterText(g: GuestRecord): string;
  cell(g: GuestRecord): ReactNode;
  align?: 'right';
}

const num = (v: number | null): number => v ?? -1;
const ratio = (used: number | null, max: number | null): number => (used !== null && max ? used / max : -1);

function StatusCell({ g }: { g: GuestRecord }) {
  return (
    <span className="status-cell">
      <span className={`status-badge status-${g.status}`} data-testid="guest-status">
        {g.status}
      </span>
      {g.lock && (
        <span className="lock-badge" title={`locked: ${g.lock}`}>
          🔒 {g.lock}
        </span>
      )}
      {g.template && <span className="template-badge">template</span>}
    </span>
  );
}

export const GUEST_COLUMNS: readonly GuestColumn[] = [
  {
    id: 'vmid',
    header: 'ID',
    width: '70px',
    fields: ['vmid'],
    sortValue: (g) => g.vmid,
    filterText: (g) => String(g.vmid),
    cell: (g) => g.vmid,
    align: 'right',
  },
  {
    id: 'name',
    header: 'Name',
    width: 'minmax(140px, 2fr)',
    fields: ['name'],
    sortValue: (g) => g.name.toLowerCase(),
    filterText: (g) => g.name,
    cell: (g) => g.name,
  },
  {
    id: 'type',
    header: 'Type',
    width: '60px',
    fields: ['type'],
    sortValue: (g) => g.type,
    filterText: (g) => g.type,
    cell: (g) => (g.type === 'qemu' ? 'VM' : 'CT'),
  },
  {
    id: 'node',
    header: 'Node',
    width: '90px',
    fields: ['node'],
    sortValue: (g) => g.node,
    filterText: (g) => g.node,
    cell: (g) => g.node,
  },
  {
    id: 'status',
    header: 'Status',
    width: '150px',
    fields: ['status', 'lock', 'template'],
    sortValue: (g) => g.status,
    filterText: (g) => `${g.status} ${g.lock ?? ''}`,
    cell: (g) => <StatusCell g={g} />,
  },
  {
    id: 'cpu',
    header: 'CPU',
    width: '70px',
    fields: ['cpu'],
    sortValue: (g) => num(g.cpu),
    filterText: (g) => formatPercent(g.cpu),
    cell: (g) => formatPercent(g.cpu),
    align: 'right',
  },
  {
    id: 'mem',
    header: 'Memory',
    width: '140px',
    fields: ['mem', 'maxmem'],
    sortValue: (g) => ratio(g.mem, g.maxmem),
    filterText: (g) => formatBytes(g.maxmem),
    cell: (g) => `${formatBytes(g.mem)} / ${formatBytes(g.maxmem)}`,
    align: 'right',
  },
  {
    id: 'disk',
    header: 'Disk',
    width: '90px',
    fields: ['maxdisk'],
    sortValue: (g) => num(g.maxdisk),
    filterText: (g) => formatBytes(g.maxdisk),
    cell: (g) => formatBytes(g.maxdisk),
    align: 'right',
  },
  {
    id: 'uptime',
    header: 'Uptime',
    width: '80px',
    fields: ['uptime'],
    sortValue: (g) => num(g.uptime),
    filterText: (g) => formatUptime(g.uptime),
    cell: (g) => formatUptime(g.uptime),
    align: 'right',
  },
  {
    id: 'tags',
    header: 'Tags',
    width: 'minmax(100px, 1fr)',
    fields: ['tags'],
    sortValue: (g) => g.tags.join(';'),
    filterText: (g) => g.tags.join(' '),
    cell: (g) =>
      g.tags.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      )),
  },
  {
    id: 'pool',
    header: 'Pool',
    width: '80px',
    fields: ['pool'],
    sortValue: (g) => g.pool ?? '',
    filterText: (g) => g.pool ?? '',
    cell: (g) => g.pool ?? '',
  },
  {
    id: 'hastate',
    header: 'HA',
    width: '80px',
    fields: ['hastate'],
    sortValue: (g) => g.hastate ?? '',
    filterText: (g) => g.hastate ?? '',
    cell: (g) => g.hastate ?? '',
  },
  {
    id: 'cluster',
    header: 'Cluster',
    width: '90px',
    fields: ['clusterId'],
    sortValue: (g) => g.clusterId,
    filterText: (g) => g.clusterId,
    cell: (g) => g.clusterId,
  },
];

export const DEFAULT_HIDDEN: readonly string[] = ['cluster'];

export const GROUP_BY = ['none', 'node', 'pool', 'tag', 'type', 'cluster'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The group(s) a guest belongs to; a guest with several tags shows under each of them. */
export function groupsOf(g: GuestRecord, by: GroupBy): string[] {
  switch (by) {
    case 'node':
      return [g.node];
    case 'pool':
      return [g.pool ?? '(no pool)'];
    case 'tag':
      return g.tags.length > 0 ? g.tags : ['(no tags)'];
    case 'type':
      return [g.type === 'qemu' ? 'Virtual machines' : 'Containers'];
    case 'cluster':
      return [g.clusterId];
    default:
      return [''];
  }
}
