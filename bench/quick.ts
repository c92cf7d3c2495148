// `npm run bench -- --quick`: the main-process ratios at a small size (under a minute), failing only on a gross
// regression: a ratio over twice its goal. Part of `npm test`; timing-independent enough for a shared machine.
import { benchMain } from './main-pipeline.js';
import type { Figure } from './report.js';

/** The simulator size of the quick run; ratios hold across sizes, absolute times do not matter here. */
export const QUICK_SIZE = { nodes: 8, guests: 2_500, runs: 11 };

export interface QuickResult {
  figures: Figure[];
  /** the figures over twice their goal */
  gross: string[];
}

export async function runQuick(): Promise<QuickResult> {
  const m = await benchMain(QUICK_SIZE);
  const figures: Figure[] = [
    {
      key: 'poll_vs_parse',
      label: 'main: poll→normalise→delta ÷ JSON.parse',
      value: m.pipelineRatio,
      unit: '×',
      goal: 1.5,
    },
    {
      key: 'normalise_vs_parse',
      label: 'main: normaliseResources ÷ JSON.parse',
      value: m.normaliseRatio,
      unit: '×',
      // the in-place apply measures 0.15–0.3× here: a 3× slower one is over twice this goal, a normal one is not
      goal: 0.2,
    },
    {
      key: 'ipc_delta_ratio',
      label: 'IPC bytes, 1 % changed ÷ full snapshot',
      value: m.deltaBytes / m.snapshotBytes,
      unit: '×',
      goal: 0.05,
    },
  ];
  return {
    figures,
    gross: figures.filter((f) => f.goal !== undefined && f.value > 2 * f.goal).map((f) => f.key),
  };
}
