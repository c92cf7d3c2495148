// A guest's page: summary, RRD charts, config, and tabs that later features fill (snapshots, backups, console).
import { Badge, Button, Tabs } from '@mantine/core';
import { ArrowLeft } from 'lucide-react';
import { useCallback, useState, type ReactNode } from 'react';
import type { GuestRecord, RrdCf, RrdTimeframe } from '../../../src-shared/model/inventory.js';
import { Page } from '../../ui/Page.js';
import { TagBadges } from '../guest-config/ConfigField.js';
import { GuestConfigTable } from './GuestConfigTable.js';
import { request } from '../../request.js';
import { formatBytes, formatPercent, formatUptime } from './format.js';
import { useRecord } from './inventory-store.js';
import { GuestActionBar } from '../guest-config/GuestActionBar.js';
import { guestTabs } from '../guest-tabs.js';
import { CPU_CHART, MEM_CHART, NET_CHART, RrdCharts, type RrdChartDef } from './RrdCharts.js';

const GUEST_CHARTS: RrdChartDef[] = [
  CPU_CHART,
  MEM_CHART('mem', 'maxmem', { key: 'memhost', label: 'host usage (PVE 9)' }),
  NET_CHART,
  {
    title: 'Disk IO',
    unit: 'rate',
    series: [
      { key: 'diskread', label: 'read', color: '#0ea5e9' },
      { key: 'diskwrite', label: 'write', color: '#ef4444' },
    ],
  },
];

function Summary({ g }: { g: GuestRecord }) {
  const rows: Array<[string, ReactNode]> = [
    [
      'Status',
      <Badge
        key="s"
        variant="light"
        color={g.status === 'running' ? 'green' : g.status === 'stopped' ? 'gray' : 'orange'}
        className={`status-badge status-${g.status}`}
        data-testid="guest-view-status"
      >
        {g.status}
      </Badge>,
    ],
    ['Node', g.node],
    ['CPU', `${formatPercent(g.cpu)} of ${g.maxcpu ?? '–'} cores`],
    ['Memory', `${formatBytes(g.mem)} / ${formatBytes(g.maxmem)}`],
    ['Disk', formatBytes(g.maxdisk)],
    ['Uptime', formatUptime(g.uptime)],
    ['Lock', g.lock ?? '–'],
    ['HA', g.hastate ?? '–'],
    ['Pool', g.pool ?? '–'],
    ['Tags', g.tags.length ? <TagBadges key="t" tags={g.tags} /> : '–'],
  ];
  return (
    <dl className="summary">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function GuestView({ guestKey, onBack }: { guestKey: string; onBack(): void }) {
  const g = useRecord<GuestRecord>(guestKey);
  const [tab, setTab] = useState('summary');
  const clusterId = g?.clusterId;
  const node = g?.node;
  const type = g?.type;
  const vmid = g?.vmid;
  const load = useCallback(
    async (timeframe: RrdTimeframe, cf: RrdCf) => {
      if (!clusterId || !node || !type || !vmid) return undefined;
      const r = await request(
        'rrd.guest',
        { clusterId, node, type, vmid, timeframe, cf },
        `Cannot load RRD data of ${vmid}`,
      );
      return r?.samples;
    },
    [clusterId, node, type, vmid],
  );
  if (!g) return null;
  const kind = g.type === 'qemu' ? 'VM' : 'CT';
  return (
    <section className="detail-view" data-testid="guest-view">
      <Page
        title={`${kind} ${g.vmid} · ${g.name}`}
        description={`${g.type === 'qemu' ? 'Virtual machine' : 'Container'} on ${g.node} · ${g.status}`}
        actions={
          <Button
            variant="subtle"
            leftSection={<ArrowLeft size={16} aria-hidden />}
            onClick={onBack}
            data-testid="back"
          >
            Inventory
          </Button>
        }
      >
        <GuestActionBar guest={g} onConsole={() => setTab('console')} />
        <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
          <Tabs.List>
            {guestTabs.map((t) => (
              <Tabs.Tab key={t.id} value={t.id} data-testid={`guest-tab-${t.id}`}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="summary" pt="sm">
            <Summary g={g} />
            <RrdCharts charts={GUEST_CHARTS} load={load} refreshKey={g.uptime} />
          </Tabs.Panel>
          <Tabs.Panel value="config" pt="sm">
            <GuestConfigTable g={g} />
          </Tabs.Panel>
          {guestTabs
            .filter((t) => t.render)
            .map((t) => (
              <Tabs.Panel key={t.id} value={t.id} pt="sm">
                {t.render?.(g)}
              </Tabs.Panel>
            ))}
        </Tabs>
      </Page>
    </section>
  );
}
