// `npm run audit:electron`: runs @doyensec/electronegativity over the main-process sources and the
// built app (dist/ + dist-main/), prints a summary, and fails on any finding of medium severity or higher.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const securityDoc = readFileSync(path.join(root, 'docs', 'security.md'), 'utf8');

/**
 * Checks electronegativity marks "manual review": they fire on any use of a feature, not on a
 * misconfiguration. Each is allowed only while docs/security.md explains it under its id.
 */
const MANUAL_REVIEW = new Set(['PRELOAD_JS_CHECK']);
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (line.trim() === '') continue;
    const cells = [];
    let cur = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    const [check, severity, confidence, file, location, , description] = cells.map((c) => c.trim());
    rows.push({ check, severity, confidence, file, location, description });
  }
  return rows;
}

function scan(label, input, work) {
  const out = path.join(work, `${label}.csv`);
  execFileSync(bin, ['-i', input, '-o', out, '-r', '-v', 'false', '-e', electronVersion], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (!existsSync(out)) throw new Error(`electronegativity wrote no report for ${label}`);
  return parseCsv(readFileSync(out, 'utf8')).map((f) => ({ ...f, scan: label }));
}

/**
 * The built app as electronegativity can read it: dist/ as built, and the main process and preload
 * bundled the way scripts/build-main.mjs does but lowered to ES2019, because the tool's parser
 * rejects class private fields (it skips such a file silently and then reports every guard missing).
 */
async function stageBuild(work) {
  const dist = path.join(root, 'dist');
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error('dist/ is missing: run `npm run build:renderer` first');
  const stage = path.join(work, 'built');
  cpSync(dist, path.join(stage, 'dist'), { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      index: path.join(root, 'src-main', 'index.ts'),
      preload: path.join(root, 'src-main', 'preload', 'index.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2019',
    external: ['electron', '@napi-rs/keyring'],
    outdir: path.join(stage, 'dist-main'),
    logLevel: 'silent',
  });
  return stage;
}

const work = mkdtempSync(path.join(tmpdir(), 'proxdeck-audit-'));
let findings;
try {
  findings = [
    ...scan('src-main', path.join(root, 'src-main'), work),
    ...scan('built', await stageBuild(work), work),
  ];
} finally {
  rmSync(work, { recursive: true, force: true });
}

const blocking = [];
const reviewed = [];
const low = [];
for (const f of findings) {
  if (!BLOCKING.has(f.severity)) low.push(f);
  else if (MANUAL_REVIEW.has(f.check) && securityDoc.includes(f.check)) reviewed.push(f);
  else blocking.push(f);
}
const undocumentedLow = low.filter((f) => !securityDoc.includes(f.check));

const line = (f) =>
  `  [${f.scan}] ${f.severity}/${f.confidence} ${f.check} ${f.file}:${f.location} — ${f.description}`;
console.log(
  `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s) over src-main and the built app`,
);
console.log(`  blocking (medium or higher): ${blocking.length}`);
console.log(`  manual-review items explained in docs/security.md: ${reviewed.length}`);
console.log(
  `  low/informational: ${low.length} (${undocumentedLow.length} not yet explained in docs/security.md)`,
);
for (const f of findings)
  console.log(`${blocking.includes(f) || undocumentedLow.includes(f) ? '!' : ' '}${line(f)}`);
if (blocking.length > 0 || undocumentedLow.length > 0) {
  console.error(
    'security audit FAILED: fix the findings above or (for low ones) explain them in docs/security.md',
  );
  process.exit(1);
}
console.log('security audit passed');
