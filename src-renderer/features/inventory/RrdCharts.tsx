// RRD charts with timeframe (hour … year) and AVERAGE/MAX selectors, shared by the node and guest views.
// Re-fetches when the inventory moves on (a delta for the record), at most every 30 s: no timers in React.
import { useEffect, useRef, useState } from 'react';
import { NativeSelect, Text } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RrdCf, RrdSample, RrdTimeframe } from '../../../src-shared/model/inventory.js';
import { formatBytes, formatPercent } from './format.js';

export interface RrdChartDef {
  title: string;
  /** optional: drawn only when the server reports the column (PVE 9 adds memhost, memavailable ...) */
  series: Array<{ key: string; label: string; color: string; optional?: true }>;
  unit: 'percent' | 'bytes' | 'rate';
}

const TIMEFRAMES: RrdTimeframe[] = ['hour', 'day', 'week', 'month', 'year'];
const REFRESH_MS = 30_000;

const fmt = (unit: RrdChartDef['unit']) => (v: number) =>
  unit === 'percent' ? formatPercent(v) : unit === 'bytes' ? formatBytes(v) : `${formatBytes(v)}/s`;

const UNIT_LABEL: Record<RrdChartDef['unit'], string> = { percent: '%', bytes: 'bytes', rate: 'bytes/s' };

/** Local time on the axis: clock time within a day, the date beyond. */
const tick = (timeframe: RrdTimeframe) => (t: number) => {
  const d = new Date(t * 1000);
  return timeframe === 'hour' || timeframe === 'day'
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { month: 'short', day: 'numeric' });
};

function Chart({
  def,
  samples,
  timeframe,
}: {
  def: RrdChartDef;
  samples: RrdSample[];
  timeframe: RrdTimeframe;
}) {
  const f = fmt(def.unit);
  return (
    <div className="rrd-chart" data-testid="rrd-chart">
      <Text fw={600} size="sm" component="h3">
        {def.title}{' '}
        <Text span size="xs" c="dimmed">
          ({UNIT_LABEL[def.unit]}, local time)
        </Text>
      </Text>
      <ResponsiveContainer width="100%" height={160}>
        <LineChart data={samples}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="time" tickFormatter={tick(timeframe)} minTickGap={40} />
          <YAxis tickFormatter={f} width={80} />
          <Legend verticalAlign="top" height={24} iconType="plainline" />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? f(v) : String(v))}
            labelFormatter={(t) => new Date(Number(t) * 1000).toLocaleString()}
          />
          {def.series
            .filter((s) => !s.optional || samples.some((x) => s.key in x))
            .map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                dot={false}
                isAnimationActive={false}
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RrdCharts(props: {
  charts: RrdChartDef[];
  load(timeframe: RrdTimeframe, cf: RrdCf): Promise<RrdSample[] | undefined>;
  /** changes whenever fresh inventory data arrived for the subject */
  refreshKey: unknown;
}) {
  const [timeframe, setTimeframe] = useState<RrdTimeframe>('hour');
  const [cf, setCf] = useState<RrdCf>('AVERAGE');
  const [samples, setSamples] = useState<RrdSample[]>([]);
  const fetched = useRef({ at: 0, query: '' });
  const { load, refreshKey } = props;

  useEffect(() => {
    const query = `${timeframe}/${cf}`;
    const now = Date.now();
    if (fetched.current.query === query && now - fetched.current.at < REFRESH_MS) return;
    fetched.current = { at: now, query };
    let cancelled = false;
    void load(timeframe, cf).then((s) => {
      if (!cancelled && s) setSamples(s);
    });
    return () => {
      cancelled = true;
    };
  }, [timeframe, cf, load, refreshKey]);

  return (
    <div className="rrd-panel">
      <div className="rrd-controls">
        <NativeSelect
          size="xs"
          aria-label="Timeframe"
          data-testid="rrd-timeframe"
          value={timeframe}
          onChange={(e) => setTimeframe(e.currentTarget.value as RrdTimeframe)}
          data={TIMEFRAMES}
        />
        <NativeSelect
          size="xs"
          aria-label="Consolidation"
          data-testid="rrd-cf"
          value={cf}
          onChange={(e) => setCf(e.currentTarget.value as RrdCf)}
          data={[
            { value: 'AVERAGE', label: 'average' },
            { value: 'MAX', label: 'maximum' },
          ]}
        />
        <Text size="xs" c="dimmed">
          {samples.length} samples
        </Text>
      </div>
      <div className="rrd-grid">
        {props.charts.map((c) => (
          <Chart key={c.title} def={c} samples={samples} timeframe={timeframe} />
        ))}
      </div>
    </div>
  );
}

export const CPU_CHART: RrdChartDef = {
  title: 'CPU',
  unit: 'percent',
  series: [{ key: 'cpu', label: 'CPU', color: '#e0762b' }],
};
export const NET_CHART: RrdChartDef = {
  title: 'Network',
  unit: 'rate',
  series: [
    { key: 'netin', label: 'in', color: '#3b82f6' },
    { key: 'netout', label: 'out', color: '#10b981' },
  ],
};
/** extra: a PVE 9 column shown when present (guests: memhost, the host-side usage; nodes: memavailable) */
export const MEM_CHART = (
  used: string,
  total: string,
  extra?: { key: string; label: string },
): RrdChartDef => ({
  title: 'Memory',
  unit: 'bytes',
  series: [
    { key: used, label: 'used', color: '#8b5cf6' },
    { key: total, label: 'total', color: '#94a3b8' },
    ...(extra ? [{ ...extra, color: '#22c55e', optional: true as const }] : []),
  ],
});
