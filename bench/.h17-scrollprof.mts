import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
const out = '/tmp/h17/page-out';
await build({ configFile: false, root: '/work/main/bench/page', base: './', logLevel: 'warn', plugins: [react()], build: { outDir: out, emptyOutDir: true, target: 'es2022', sourcemap: false, minify: false } });
const server = createServer((req, res) => { const rel = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'index.html'; const f = path.join(out, rel); if (!existsSync(f)) { res.writeHead(404).end(); return; } res.writeHead(200, { 'content-type': f.endsWith('.js') ? 'text/javascript' : f.endsWith('.css') ? 'text/css' : 'text/html' }); createReadStream(f).pipe(res); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const m = JSON.parse(readFileSync('/tmp/h17/main-figs.json', 'utf8'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`http://127.0.0.1:${(server.address() as any).port}/`);
await page.waitForFunction(() => 'lastCommit' in ((window as any).__bench ?? {}));
await page.evaluate((j) => (window as any).__bench.snapshot(j), m.snapshotJson);
await page.waitForSelector('[data-testid=guest-row]');
const cdp = await page.context().newCDPSession(page); await cdp.send('Performance.enable');
const met = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m: any) => [m.name, m.value]));
for (let pass = 0; pass < 3; pass++) {
const m0 = await met();
const res = await page.evaluate(`(async () => {
  const el = document.querySelector('[data-testid=grid-scroll]'); el.scrollTop = 0; await new Promise((r) => requestAnimationFrame(r));
  const frames = []; let last = await new Promise((r) => requestAnimationFrame(r));
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) { el.scrollTop += 300; const now = await new Promise((r) => requestAnimationFrame(r)); frames.push(now - last); last = now; }
  frames.sort((a, b) => a - b); return [frames[Math.floor(frames.length*0.5)], frames[Math.floor(frames.length * 0.95)], frames.length].map(x=>Math.round(x*10)/10).join(' ');
})()`);
const m1 = await met(); const per = (k: string) => ((m1[k] - m0[k]) * 1000 / 933).toFixed(2);
console.log(process.env.TAG ?? '', 'p50 p95 n', res, 'per frame ms: thread', per('ThreadTime'), 'process', per('ProcessTime'), 'task', per('TaskDuration'), 'script', per('ScriptDuration'), 'layout', per('LayoutDuration'), 'style', per('RecalcStyleDuration'));
}
await browser.close(); server.close();
