// One node's card: status, CPU, memory, disk, load, uptime, version, guests running/total and a CPU sparkline.
import { Badge, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { NodeRecord } from '../../../src-shared/model/inventory.js';
import { formatPercent, formatUptime, formatUsage } from './format.js';
import { useInventoryStore, useRecord } from './inventory-store.js';

const EMPTY: number[] = [];
const STATUS_COLOR: Record<string, string> = { online: 'green', offline: 'red', unknown: 'gray' };

/**
 * A plain SVG polyline, not recharts: measured in bench/, 32 recharts sparklines added ~180 ms to the first
 * render and re-render on every metrics tick; recharts stays for the real charts in the node and guest views.
 */
const Sparkline = memo(function Sparkline({ values }: { values: number[] }) {
  const w = 120;
  const h = 32;
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(h - Math.min(1, Math.max(0, v)) * h).toFixed(1)}`)
    .join(' ');
  const last = values[values.length - 1];
  const label = `CPU, last ${values.length} samples${last === undefined ? '' : `: now ${formatPercent(last)}`}`;
  return (
    <span className="sparkline-figure">
      <span className="sparkline-label" aria-hidden>
        {label}
      </span>
      <svg
        className="sparkline"
        width={w}
        height={h}
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={label}
        data-testid="node-sparkline"
      >
        <polyline points={points} fill="none" stroke="#e0762b" strokeWidth={1.5} />
      </svg>
    </span>
  );
});

/** Name and status badges: Mantine components, re-rendered only when the status changes (not on every tick). */
const NodeHead = memo(function NodeHead({ node, status }: { node: string; status: string }) {
  return (
    <div className="node-card-head">
      <strong>{node}</strong>
      <Badge
        size="sm"
        variant="dot"
        tt="none"
        color={STATUS_COLOR[status] ?? 'gray'}
        data-testid="node-status"
      >
        {status}
      </Badge>
      {status !== 'online' && (
        <Badge
          size="sm"
          variant="dot"
          color="orange"
          tt="none"
          data-testid="node-stale"
          title="No fresh data: the node is not online"
        >
          stale
        </Badge>
      )}
    </div>
  );
});

/** The live numbers: plain elements, re-rendered on every metrics tick. */
const NodeStats = memo(function NodeStats({ nodeKey }: { nodeKey: string }) {
  const n = useRecord<NodeRecord>(nodeKey);
  const history = useInventoryStore((s) => s.cpuHistory[nodeKey] ?? EMPTY);
  const counts = useInventoryStore((s) => s.guestCounts[nodeKey]);
  if (!n) return null;
  const online = n.status === 'online';
  const version = n.pveversion?.split('/')[1] ?? '–';
  return (
    <>
      <dl>
        <dt>CPU</dt>
        <dd data-testid="node-cpu">{online ? formatPercent(n.cpu) : '–'}</dd>
        <dt>Memory</dt>
        <dd data-testid="node-mem">{online ? formatUsage(n.mem, n.maxmem) : '–'}</dd>
        <dt>Disk</dt>
        <dd>{online ? formatUsage(n.disk, n.maxdisk) : '–'}</dd>
        <dt>Load</dt>
        <dd>{online && n.loadavg ? n.loadavg.map((l) => l.toFixed(2)).join(' ') : '–'}</dd>
        <dt>Uptime</dt>
        <dd data-testid="node-uptime">{online ? formatUptime(n.uptime) : '–'}</dd>
        <dt>PVE</dt>
        <dd>{version}</dd>
        <dt>Guests</dt>
        <dd data-testid="node-guests">
          {counts?.running ?? 0} / {counts?.total ?? 0} running
        </dd>
      </dl>
      <Sparkline values={history} />
    </>
  );
});

/**
 * The card subscribes only to the node's name and status (primitives), so a metrics tick re-renders NodeStats
 * alone and not the Mantine frame and badges (measured with npm run bench: delta commit).
 */
export const NodeCard = memo(function NodeCard({
  nodeKey,
  onOpen,
}: {
  nodeKey: string;
  onOpen(key: string): void;
}) {
  const node = useInventoryStore((s) => (s.records.get(nodeKey) as NodeRecord | undefined)?.node);
  const status = useInventoryStore((s) => (s.records.get(nodeKey) as NodeRecord | undefined)?.status);
  if (node === undefined || status === undefined) return null;
  return (
    <UnstyledButton
      className={`node-card ${status}`}
      data-testid="node-card"
      data-node={node}
      onClick={() => onOpen(nodeKey)}
    >
      <NodeHead node={node} status={status} />
      <NodeStats nodeKey={nodeKey} />
    </UnstyledButton>
  );
});
