// Renderer benchmark in Chromium: builds bench/page with Vite, serves it on 127.0.0.1 and measures the real grid:
// first render, scroll frame times end to end, a 1 % delta's commit, the full re-render baseline, and JS heap.
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

export interface RendererFigures {
  firstRenderMs: number;
  scrollP95Ms: number;
  scrollFrames: number;
  /** renderer main-thread CPU per scroll frame: what the frame costs, whatever else the machine runs */
  scrollCpuMs: number;
  deltaCommitMs: number;
  rowsRerendered: number;
  baselineCommitMs: number;
  heapMb: number;
}

/** The same figures with several clusters in one grid (5 × 10,000 = 50,000 rows). */
export interface ScaleFigures extends RendererFigures {
  clusters: number;
  rows: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const rel =
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs `apply` in the page, then waits for React's commit and forces layout; returns ms from start. */
const TIMED = `async (payload) => {
  const t0 = performance.now();
  const before = window.__bench.lastCommit;
  window.__bench[payload.kind](payload.json);
  while (window.__bench.lastCommit === before) await new Promise((r) => setTimeout(r, 0));
  void document.body.offsetHeight;
  return performance.now() - t0;
}`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** One fresh page: first render, scroll end to end, a 1 % delta, the full re-render baseline, heap. */
async function measureOnce(browser: Browser, url: string, input: PageInput): Promise<RendererFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'lastCommit' in (window.__bench ?? {}));
    const timed = (kind: 'snapshot' | 'delta' | 'snapshots' | 'deltas', json: string): Promise<number> =>
      page.evaluate(`(${TIMED})(${JSON.stringify({ kind, json })})`) as Promise<number>;

    const firstRenderMs = await timed(input.many ? 'snapshots' : 'snapshot', input.snapshotJson);
    await page.waitForSelector('[data-testid=guest-row]');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async (): Promise<number> =>
      (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime')?.value ?? 0;
    const cpuBefore = await threadTime();
    const scroll = (await page.evaluate(`(async () => {
      const el = document.querySelector('[data-testid=grid-scroll]');
      const frames = [];
      let last = await new Promise((r) => requestAnimationFrame(r));
      const step = 300;
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
        el.scrollTop += step;
        const now = await new Promise((r) => requestAnimationFrame(r));
        frames.push(now - last);
        last = now;
      }
      frames.sort((a, b) => a - b);
      return { p95: frames[Math.floor(frames.length * 0.95)] ?? 0, count: frames.length };
    })()`)) as { p95: number; count: number };
    const scrollCpuMs = (((await threadTime()) - cpuBefore) * 1000) / Math.max(1, scroll.count);
    await page.evaluate(() => (document.querySelector('[data-testid=grid-scroll]')!.scrollTop = 0));
    await page.evaluate(() => new Promise(requestAnimationFrame));

    const rowsBefore = (await page.evaluate('window.__proxdeckRenders.row')) as number;
    const deltaCommitMs = await timed(input.many ? 'deltas' : 'delta', input.deltaJson);
    const rowsRerendered = ((await page.evaluate('window.__proxdeckRenders.row')) as number) - rowsBefore;
    const baselineCommitMs = await timed(input.many ? 'snapshots' : 'snapshot', input.nextSnapshotJson);

    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return {
      firstRenderMs,
      scrollP95Ms: scroll.p95,
      scrollFrames: scroll.count,
      scrollCpuMs,
      deltaCommitMs,
      rowsRerendered,
      baselineCommitMs,
      heapMb: heap / 1024 / 1024,
    };
  } finally {
    await page.close();
  }
}

type BenchInput = { snapshotJson: string; deltaJson: string; nextSnapshotJson: string };
/** `many`: each JSON text is an array, one snapshot/delta per cluster, applied in one task. */
type PageInput = BenchInput & { many?: boolean };

/** `clusters` copies of one cluster's input under distinct cluster ids: every cluster polls its 1 % at once. */
export function scaleInput(input: BenchInput, clusters: number): PageInput {
  const copies = (json: string): string => {
    const one = JSON.parse(json) as { clusterId: string; records?: { clusterId: string }[] };
    return JSON.stringify(
      Array.from({ length: clusters }, (_, i) => {
        const clusterId = `${one.clusterId}-${i + 1}`;
        return { ...one, clusterId, records: one.records?.map((r) => ({ ...r, clusterId })) };
      }),
    );
  };
  return {
    snapshotJson: copies(input.snapshotJson),
    deltaJson: copies(input.deltaJson),
    nextSnapshotJson: copies(input.nextSnapshotJson),
    many: true,
  };
}

function medians(all: RendererFigures[]): RendererFigures {
  const pick = (k: keyof RendererFigures): number => median(all.map((f) => f[k]));
  return {
    firstRenderMs: pick('firstRenderMs'),
    scrollP95Ms: pick('scrollP95Ms'),
    scrollFrames: pick('scrollFrames'),
    scrollCpuMs: pick('scrollCpuMs'),
    deltaCommitMs: pick('deltaCommitMs'),
    rowsRerendered: pick('rowsRerendered'),
    baselineCommitMs: pick('baselineCommitMs'),
    heapMb: pick('heapMb'),
  };
}

/**
 * Builds the page once, then measures `runs` fresh pages and reports the median of every figure; with
 * `scaleClusters` > 1 also the same figures for that many copies of the cluster in one grid (`scale`).
 */
export async function benchRenderer(
  input: BenchInput,
  runs = 5,
  opts: { scaleClusters?: number } = { scaleClusters: 5 },
): Promise<RendererFigures & { runs: number; scale?: ScaleFigures }> {
  const out = await mkdtemp(path.join(tmpdir(), 'proxdeck-bench-'));
  await build({
    configFile: false,
    root: path.join(here, 'page'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: out, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  const server = await serve(out);
  // Uncapped frames: rAF intervals then measure the work per frame instead of the 60 Hz vsync.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-gpu-vsync',
      '--disable-frame-rate-limit',
    ],
  });
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const all: RendererFigures[] = [];
    for (let i = 0; i < runs; i++) all.push(await measureOnce(browser, url, input));
    const clusters = opts.scaleClusters ?? 1;
    let scale: ScaleFigures | undefined;
    if (clusters > 1) {
      const big = scaleInput(input, clusters);
      const rows = (JSON.parse(input.snapshotJson) as { records: { kind: string }[] }).records.filter(
        (r) => r.kind === 'guest',
      ).length;
      const scaled: RendererFigures[] = [];
      for (let i = 0; i < runs; i++) scaled.push(await measureOnce(browser, url, big));
      scale = { ...medians(scaled), clusters, rows: rows * clusters };
    }
    return { runs, ...medians(all), ...(scale ? { scale } : {}) };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    await rm(out, { recursive: true, force: true });
  }
}
