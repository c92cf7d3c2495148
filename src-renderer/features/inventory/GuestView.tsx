// A guest's page: summary, RRD charts, config, and tabs that later features fill (snapshots, backups, console).
import { useCallback, useState, type ReactNode } from 'react';
import type { GuestRecord, RrdCf, RrdTimeframe } from '../../../src-shared/model/inventory.js';
import { useGuestConfig } from '../../data/guest-reads.js';
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
      <span key="s" className={`status-badge status-${g.status}`} data-testid="guest-view-status">
        {g.status}
      </span>,
    ],
    ['Node', g.node],
    ['CPU', `${formatPercent(g.cpu)} of ${g.maxcpu ?? '–'} cores`],
    ['Memory', `${formatBytes(g.mem)} / ${formatBytes(g.maxmem)}`],
    ['Disk', formatBytes(g.maxdisk)],
    ['Uptime', formatUptime(g.uptime)],
    ['Lock', g.lock ?? '–'],
    ['HA', g.hastate ?? '–'],
    ['Pool', g.pool ?? '–'],
    ['Tags', g.tags.join(', ') || '–'],
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

function Config({ g }: { g: GuestRecord }) {
  const entries: Array<{ key: string; value: string; readonly?: boolean }> | undefined = useGuestConfig(
    g.clusterId,
    g,
  ).data?.entries;
  if (!entries) return <p className="muted">Loading…</p>;
  return (
    <table className="config-table" data-testid="guest-config">
      <tbody>
        {entries.map((e, i) => (
          <tr
            key={`${e.key}-${i}`}
            {...(e.readonly ? { 'data-testid': 'guest-config-raw', title: 'Raw LXC line: read-only' } : {})}
          >
            <th>{e.key}</th>
            <td>
              {e.value}
              {e.readonly ? <span className="muted"> (read-only)</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
  const current = guestTabs.find((t) => t.id === tab);
  return (
    <section className="detail-view" data-testid="guest-view">
      <header className="detail-head">
        <button type="button" onClick={onBack} data-testid="back">
          ← Inventory
        </button>
        <h2>
          {g.type === 'qemu' ? 'VM' : 'CT'} {g.vmid} · {g.name}
        </h2>
      </header>
      <GuestActionBar guest={g} onConsole={() => setTab('console')} />
      <nav className="tabs" role="tablist">
        {guestTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            data-testid={`guest-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      {tab === 'summary' && (
        <>
          <Summary g={g} />
          <RrdCharts charts={GUEST_CHARTS} load={load} refreshKey={g.uptime} />
        </>
      )}
      {tab === 'config' && <Config g={g} />}
      {tab !== 'summary' &&
        tab !== 'config' &&
        (current?.render ? (
          current.render(g)
        ) : (
          <p className="muted">{current?.label} arrive with a later feature.</p>
        ))}
    </section>
  );
}
