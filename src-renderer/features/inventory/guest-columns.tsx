// The VM/CT grid's columns: what each shows, sorts and filters on (its displayed text, its numbers, its picker
// values), its width by content, and how a cell looks. grid-table.ts turns these into react-table columns.
import type { ReactNode } from 'react';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { formatBytes, formatPercent, formatUptime } from './format.js';
import type { NumericAccess } from './grid-filter.js';

/** A guest row as the grid reads it: the cluster's name and colour come with the rows when known. */
export type GridGuest = GuestRecord & { clusterName?: string | null; clusterColor?: string | null };

export interface GuestColumn {
  id: string;
  header: string;
  /** default width in px, chosen to fit the column's usual content at the grid's 13 px font */
  size: number;
  minSize: number;
  /** takes a share of the spare width (fr) on top of its size */
  grow?: number;
  /** record fields this column reads: a delta touching them re-sorts when the column sorts or filters */
  fields: readonly string[];
  sortValue(g: GridGuest): string | number;
  /** the cell's text as shown: what text filters match */
  shown(g: GridGuest): string;
  /** numbers comparisons (`>2G`, `<50%`) read */
  numeric?: NumericAccess<GridGuest>;
  /** exact value for the picker (with counts); columns without one filter by text only */
  pick?(g: GridGuest): string;
  cell(g: GridGuest): ReactNode;
  align?: 'right';
}

const num = (v: number | null): number => v ?? -1;
const ratio = (used: number | null, max: number | null): number | null =>
  used !== null && max ? (used / max) * 100 : null;
const typeLabel = (g: GuestRecord): string => (g.type === 'qemu' ? 'VM' : 'CT');
export const clusterLabel = (g: GridGuest): string => g.clusterName ?? g.clusterId;
const memShown = (g: GuestRecord): string =>
  g.mem !== null && g.maxmem ? `${formatBytes(g.mem)} / ${formatBytes(g.maxmem)}` : formatBytes(g.maxmem);

function StatusCell({ g }: { g: GuestRecord }) {
  return (
    <span className="status-cell">
      <span className={`status-badge status-${g.status}`} data-testid="guest-status">
        {g.status}
      </span>
      {g.lock && (
        <span className="lock-badge" title={`locked: ${g.lock}`} data-testid="guest-lock">
          <span aria-hidden="true">🔒</span> {g.lock}
        </span>
      )}
      {g.template && <span className="template-badge">template</span>}
    </span>
  );
}

function ClusterCell({ g }: { g: GridGuest }) {
  return (
    <span className="cluster-cell" title={clusterLabel(g)}>
      <span
        className="cluster-dot"
        aria-hidden="true"
        style={g.clusterColor ? { background: g.clusterColor } : undefined}
      />
      {clusterLabel(g)}
    </span>
  );
}

export const GUEST_COLUMNS: readonly GuestColumn[] = [
  {
    id: 'vmid',
    header: 'ID',
    size: 64,
    minSize: 44,
    fields: ['vmid'],
    sortValue: (g) => g.vmid,
    shown: (g) => String(g.vmid),
    numeric: { plain: (g) => g.vmid },
    cell: (g) => g.vmid,
    align: 'right',
  },
  {
    id: 'name',
    header: 'Name',
    size: 130,
    minSize: 80,
    grow: 2,
    fields: ['name'],
    sortValue: (g) => g.name.toLowerCase(),
    shown: (g) => g.name,
    cell: (g) => g.name,
  },
  {
    id: 'type',
    header: 'Type',
    size: 50,
    minSize: 40,
    fields: ['type'],
    sortValue: (g) => g.type,
    shown: typeLabel,
    pick: typeLabel,
    cell: typeLabel,
  },
  {
    id: 'node',
    header: 'Node',
    size: 76,
    minSize: 50,
    fields: ['node'],
    sortValue: (g) => g.node,
    shown: (g) => g.node,
    pick: (g) => g.node,
    cell: (g) => g.node,
  },
  {
    id: 'status',
    header: 'Status',
    size: 128,
    minSize: 70,
    fields: ['status', 'lock', 'template'],
    sortValue: (g) => g.status,
    shown: (g) => [g.status, g.lock ?? '', g.template ? 'template' : ''].join(' '),
    pick: (g) => g.status,
    cell: (g) => <StatusCell g={g} />,
  },
  {
    id: 'cpu',
    header: 'CPU',
    size: 64,
    minSize: 48,
    fields: ['cpu'],
    sortValue: (g) => num(g.cpu),
    shown: (g) => formatPercent(g.cpu),
    numeric: { percent: (g) => ratio(g.cpu, 1), plain: (g) => ratio(g.cpu, 1) },
    cell: (g) => formatPercent(g.cpu),
    align: 'right',
  },
  {
    id: 'cores',
    header: 'Cores',
    size: 52,
    minSize: 40,
    fields: ['maxcpu'],
    sortValue: (g) => num(g.maxcpu),
    shown: (g) => (g.maxcpu === null ? '–' : String(g.maxcpu)),
    numeric: { plain: (g) => g.maxcpu },
    cell: (g) => g.maxcpu ?? '–',
    align: 'right',
  },
  {
    id: 'mem',
    header: 'Memory',
    size: 136,
    minSize: 70,
    fields: ['mem', 'maxmem'],
    sortValue: (g) => ratio(g.mem, g.maxmem) ?? -1,
    shown: memShown,
    // A size compares the configured memory (maxmem); a percentage compares what is in use.
    numeric: { bytes: (g) => g.maxmem, plain: (g) => g.maxmem, percent: (g) => ratio(g.mem, g.maxmem) },
    cell: memShown,
    align: 'right',
  },
  {
    id: 'disk',
    header: 'Disk',
    size: 72,
    minSize: 50,
    fields: ['disk', 'maxdisk'],
    sortValue: (g) => num(g.maxdisk),
    shown: (g) => formatBytes(g.maxdisk),
    numeric: { bytes: (g) => g.maxdisk, plain: (g) => g.maxdisk, percent: (g) => ratio(g.disk, g.maxdisk) },
    cell: (g) => formatBytes(g.maxdisk),
    align: 'right',
  },
  {
    id: 'uptime',
    header: 'Uptime',
    size: 72,
    minSize: 50,
    fields: ['uptime'],
    sortValue: (g) => num(g.uptime),
    shown: (g) => formatUptime(g.uptime),
    numeric: { seconds: (g) => g.uptime, plain: (g) => g.uptime },
    cell: (g) => formatUptime(g.uptime),
    align: 'right',
  },
  {
    id: 'tags',
    header: 'Tags',
    size: 90,
    minSize: 50,
    grow: 1,
    fields: ['tags'],
    sortValue: (g) => g.tags.join(';'),
    shown: (g) => g.tags.join(' '),
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
    size: 72,
    minSize: 44,
    fields: ['pool'],
    sortValue: (g) => g.pool ?? '',
    shown: (g) => g.pool ?? '',
    pick: (g) => g.pool ?? '(no pool)',
    cell: (g) => g.pool ?? '',
  },
  {
    id: 'hastate',
    header: 'HA',
    size: 72,
    minSize: 40,
    fields: ['hastate'],
    sortValue: (g) => g.hastate ?? '',
    shown: (g) => g.hastate ?? '',
    cell: (g) => g.hastate ?? '',
  },
  {
    id: 'cluster',
    header: 'Cluster',
    size: 100,
    minSize: 60,
    fields: ['clusterId', 'clusterName', 'clusterColor'],
    sortValue: (g) => clusterLabel(g).toLowerCase(),
    shown: clusterLabel,
    pick: clusterLabel,
    cell: (g) => <ClusterCell g={g} />,
  },
];

export const COLUMN_BY_ID: ReadonlyMap<string, GuestColumn> = new Map(GUEST_COLUMNS.map((c) => [c.id, c]));

/** Hidden until the user shows them; the Cluster column also shows by itself once two clusters are connected. */
export const DEFAULT_HIDDEN: readonly string[] = ['cores', 'hastate', 'cluster'];

export const GROUP_BY = ['none', 'node', 'pool', 'tag', 'type', 'cluster'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The group(s) a guest belongs to; a guest with several tags shows under each of them. */
export function groupsOf(g: GridGuest, by: GroupBy): string[] {
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
      return [clusterLabel(g)];
    default:
      return [''];
  }
}
