// A node's page: its card numbers, RRD charts (CPU, memory, network, IO wait, root disk) and its shell.
import { Button } from '@mantine/core';
import { ArrowLeft, TerminalSquare } from 'lucide-react';
import { Page } from '../../ui/Page.js';
import { useCallback, useState } from 'react';
import type { NodeRecord, RrdCf, RrdTimeframe } from '../../../src-shared/model/inventory.js';
import { request } from '../../request.js';
import { NodeShell } from '../console/NodeShell.js';
import { useRecord } from './inventory-store.js';
import { NodeCard } from './NodeCard.js';
import { CPU_CHART, MEM_CHART, NET_CHART, RrdCharts, type RrdChartDef } from './RrdCharts.js';

const NODE_CHARTS: RrdChartDef[] = [
  CPU_CHART,
  MEM_CHART('memused', 'memtotal', { key: 'memavailable', label: 'available (PVE 9)' }),
  NET_CHART,
  {
    title: 'Disk IO (IO wait)',
    unit: 'percent',
    series: [{ key: 'iowait', label: 'IO wait', color: '#ef4444' }],
  },
  {
    title: 'Root disk',
    unit: 'bytes',
    series: [
      { key: 'rootused', label: 'used', color: '#0ea5e9' },
      { key: 'roottotal', label: 'total', color: '#94a3b8' },
    ],
  },
];

export function NodeView({ nodeKey, onBack }: { nodeKey: string; onBack(): void }) {
  const n = useRecord<NodeRecord>(nodeKey);
  const [shell, setShell] = useState(false);
  const clusterId = n?.clusterId;
  const node = n?.node;
  const load = useCallback(
    async (timeframe: RrdTimeframe, cf: RrdCf) => {
      if (!clusterId || !node) return undefined;
      const r = await request(
        'rrd.node',
        { clusterId, node, timeframe, cf },
        `Cannot load RRD data of ${node}`,
      );
      return r?.samples;
    },
    [clusterId, node],
  );
  if (!n) return null;
  return (
    <section className="detail-view" data-testid="node-view">
      <Page
        title={`Node ${n.node}`}
        description={`${n.status === 'online' ? 'Online' : 'Not online'} · usage history from PVE's RRD data`}
        actions={
          <>
            <Button
              variant="subtle"
              leftSection={<ArrowLeft size={16} aria-hidden />}
              onClick={onBack}
              data-testid="back"
            >
              Inventory
            </Button>
            <Button
              variant="default"
              leftSection={<TerminalSquare size={16} aria-hidden />}
              onClick={() => setShell((s) => !s)}
              aria-pressed={shell}
              data-testid="node-shell"
            >
              {shell ? 'Hide shell' : 'Shell'}
            </Button>
          </>
        }
      >
        {shell && <NodeShell profileId={n.clusterId} node={n.node} />}
        <NodeCard nodeKey={nodeKey} onOpen={() => undefined} />
        <RrdCharts charts={NODE_CHARTS} load={load} refreshKey={n.uptime} />
      </Page>
    </section>
  );
}
