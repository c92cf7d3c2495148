// Every figure of the full bench with its label, unit and goal (issue #19), and how each is taken.
import type { AppFigures, ScaleFigures } from './app/app-bench.js';
import type { MainFigures } from './main-pipeline.js';
import type { RendererFigures, ScaleFigures as RendererScaleFigures } from './renderer-bench.js';
import type { Figure } from './report.js';

export function mainFigures(m: MainFigures): Figure[] {
  return [
    {
      key: 'poll_vs_parse',
      label: 'main: poll→normalise→delta ÷ JSON.parse (JSON wire)',
      value: m.pipelineRatio,
      unit: '×',
      goal: 1.5,
    },
    {
      key: 'poll_vs_parse_v8',
      label: 'main: the same, v8.serialize wire (Electron IPC)',
      value: m.pipelineV8Ratio,
      unit: '×',
      goal: 1.5,
    },
    {
      key: 'normalise_vs_parse',
      label: 'main: normaliseResources ÷ JSON.parse',
      value: m.normaliseRatio,
      unit: '×',
      goal: 0.2,
    },
    {
      key: 'ipc_delta_ratio',
      label: 'IPC bytes, 1 % changed ÷ full snapshot',
      value: m.deltaBytes / m.snapshotBytes,
      unit: '×',
      goal: 0.05,
    },
    {
      key: 'delta_json_bytes',
      label: `delta event bytes, JSON (${m.changedGuests} guests changed)`,
      value: m.deltaBytes,
      unit: 'B',
    },
    { key: 'delta_v8_bytes', label: 'delta event bytes, v8.serialize', value: m.deltaV8Bytes, unit: 'B' },
    { key: 'delta_json_ms', label: 'delta event encode + decode, JSON', value: m.deltaJsonMs, unit: 'ms' },
    {
      key: 'delta_v8_ms',
      label: 'delta event encode + decode, v8.serialize',
      value: m.deltaV8Ms,
      unit: 'ms',
    },
    {
      key: 'snapshot_json_ms',
      label: 'full snapshot encode + decode, JSON',
      value: m.snapshotJsonMs,
      unit: 'ms',
    },
    {
      key: 'snapshot_v8_ms',
      label: 'full snapshot encode + decode, v8.serialize',
      value: m.snapshotV8Ms,
      unit: 'ms',
    },
    { key: 'snapshot_bytes', label: 'full snapshot bytes (JSON)', value: m.snapshotBytes, unit: 'B' },
    { key: 'parse_ms', label: 'JSON.parse of one answer', value: m.parseMs, unit: 'ms' },
    { key: 'pipeline_ms', label: 'poll→normalise→delta (no network)', value: m.pipelineMs, unit: 'ms' },
    {
      key: 'https_poll_ms',
      label: 'one /cluster/resources poll over HTTPS, end to end',
      value: m.httpsPollMs,
      unit: 'ms',
    },
    {
      key: 'baseline_main_ratio',
      label: 'baseline main: full zod + resend ÷ JSON.parse',
      value: m.baselineRatio,
      unit: '×',
    },
    {
      key: 'baseline_ipc_bytes',
      label: 'baseline (PVE GUI: full re-fetch) bytes per poll',
      value: m.responseBytes,
      unit: 'B',
    },
  ];
}

export function rendererFigures(r: RendererFigures): Figure[] {
  return [
    {
      key: 'first_render_ms',
      label: 'renderer: first grid render (10k rows)',
      value: r.firstRenderMs,
      unit: 'ms',
      goal: 150,
    },
    {
      key: 'scroll_cpu_ms',
      label: 'renderer: main-thread CPU per scroll frame',
      value: r.scrollCpuMs,
      unit: 'ms',
      goal: 8,
    },
    {
      key: 'scroll_p95_ms',
      label: `renderer: p95 frame, scroll end to end (${r.scrollFrames} frames)`,
      value: r.scrollP95Ms,
      unit: 'ms',
      goal: 16.7,
    },
    {
      key: 'delta_commit_ms',
      label: 'renderer: commit of a 1 % delta',
      value: r.deltaCommitMs,
      unit: 'ms',
      goal: 8,
    },
    { key: 'js_heap_mb', label: 'renderer: JS heap after GC', value: r.heapMb, unit: 'MB', goal: 150 },
    {
      key: 'rows_rerendered',
      label: 'renderer: grid rows re-rendered by the delta',
      value: r.rowsRerendered,
      unit: 'rows',
    },
    {
      key: 'baseline_commit_ms',
      label: 'baseline (PVE GUI: full list re-render) commit',
      value: r.baselineCommitMs,
      unit: 'ms',
    },
  ];
}

/** The grid with several clusters' rows at once (5 × 10,000 = 50,000 rows). */
export function rendererScaleFigures(r: RendererScaleFigures): Figure[] {
  const at = `${r.clusters} clusters, ${r.rows} rows`;
  return [
    {
      key: 'scale_first_render_ms',
      label: `scale ${at}: first grid render`,
      value: r.firstRenderMs,
      unit: 'ms',
    },
    {
      key: 'scale_scroll_p95_ms',
      label: `scale ${at}: p95 frame, scroll end to end`,
      value: r.scrollP95Ms,
      unit: 'ms',
      goal: 16.7,
    },
    {
      key: 'scale_scroll_cpu_ms',
      label: `scale ${at}: main-thread CPU per scroll frame`,
      value: r.scrollCpuMs,
      unit: 'ms',
    },
    {
      key: 'scale_delta_commit_ms',
      label: `scale ${at}: commit of a 1 % delta (every cluster at once)`,
      value: r.deltaCommitMs,
      unit: 'ms',
      goal: 16,
    },
  ];
}

export function appFigures(a: AppFigures): Figure[] {
  return [
    {
      key: 'app_load_interactive_ms',
      label: 'app: window load → Clusters screen interactive',
      value: a.loadInteractiveMs,
      unit: 'ms',
      goal: 500,
    },
    {
      key: 'app_connect_first_rows_ms',
      label: 'app: Connect click → first grid rows',
      value: a.connectFirstRowsMs,
      unit: 'ms',
      goal: 1500,
    },
    {
      key: 'app_inventory_click_ms',
      label: `app: Inventory click → all ${a.guestRows} rows counted`,
      value: a.inventoryClickMs,
      unit: 'ms',
      goal: 400,
    },
    {
      key: 'app_main_cpu_pct',
      label: `app: main CPU, grid open, polling every 3 s (${a.windowS} s)`,
      value: a.mainCpuPct,
      unit: '% core',
      goal: 3,
    },
    {
      key: 'app_floor_cpu_pct',
      label: 'floor: bare fetch + JSON.parse loop, same cadence',
      value: a.floorCpuPct,
      unit: '% core',
    },
    {
      key: 'app_main_rss_mb',
      label: `app: main RSS after ${a.windowS} s of polling`,
      value: a.mainRssMb,
      unit: 'MB',
      goal: 200,
    },
  ];
}

export function scaleFigures(s: ScaleFigures): Figure[] {
  return [
    {
      key: 'scale_main_cpu_pct',
      label: `scale: main CPU, ${s.clusters} clusters, ${s.guestRows} rows`,
      value: s.mainCpuPct,
      unit: '% core',
      goal: 10,
    },
    {
      key: 'scale_floor_cpu_pct',
      label: 'scale floor: bare fetch + JSON.parse of every cluster',
      value: s.floorCpuPct,
      unit: '% core',
    },
    {
      key: 'scale_main_rss_mb',
      label: `scale: main RSS, ${s.clusters} clusters`,
      value: s.mainRssMb,
      unit: 'MB',
      goal: 400,
    },
  ];
}

export const METHOD = `## How each figure is taken
- **poll→normalise→delta ÷ JSON.parse**: the same bytes of a real \`/cluster/resources\` answer (frozen simulator
  clock, 1 % of guests' power toggled): JSON.parse, the entry check of \`pve/api/cluster.ts\`, applying the entries to
  the poller's record map in place (unchanged guests keep their record object, compared field by field against the
  raw entry, and cost no map write; a fresh copy of the previous map is made before each timed run, untimed), the
  diff over the records the apply replaced, the event's zod check and its serialisation — JSON.stringify for the web host's
  WebSocket, \`v8.serialize\` as the stand-in for Electron's structured clone. Bare JSON.parse and the pipeline run
  alternately, 15 pairs, each after a full GC; the figure is the median of the per-pair ratios.
  Times are this process's CPU time (user + system), not the wall clock, so other processes on the shared cores
  do not enter them; a 25 ms pause after each forced GC keeps its background sweeping out of the next timed call.
- **Delta and snapshot encode + decode**: best of 15 of stringify + parse, and of v8.serialize + deserialize.
- **Renderer** (bench/page: the real NodeCards, GuestGrid and store, built with Vite), each figure the median of
  5 fresh pages, Chromium headless with vsync and the frame-rate cap off. Scroll p95 is wall-clock (it measures the
  scheduler on a loaded machine); main-thread CPU per frame (CDP \`ThreadTime\`) is the load-independent cost.
- **App** (bench/app): \`src-main/web-host/cli.ts\` in its own process with a fresh config dir, the simulator in
  another, Chromium on the web host's URL. Load: navigation start → the Clusters screen's Add button, median of 3
  loads. Connect: click → the app opens the Inventory → first grid row. Inventory: from Clusters, the
  click → "N of N guests" with every guest, timed in the page per animation frame. CPU: the web host's
  \`/proc/PID/stat\` user + system time over 60 s of polling with the grid open; next to it a bare process that
  only fetches and JSON.parses the same answer every 3 s over the same window (the floor). RSS: \`VmRSS\` at the end.
- **Scale**: five simulators of 10,000 guests each, all connected, one grid over every row; CPU and RSS as above.
- \`npm run bench -- --quick\` (in \`npm test\`): the main ratios at 8 nodes / 2,500 guests; it fails only when a ratio
  is over twice its goal. \`PROXDECK_BENCH_SLOWDOWN=normalise:3\` (read by bench/slowdown.ts only) keeps the CPU busy
  after each apply until three times its time has passed; test/integration/bench-quick.test.ts shows the quick bench failing with it.`;
