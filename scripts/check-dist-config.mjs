// `npm run dist:check`: validates the packaging config offline, then runs `electron-builder --linux --dir`
// against a stand-in Electron directory (the real binary cannot be downloaded here) and inspects the app.asar.
// Usage: node scripts/check-dist-config.mjs [--config electron-builder.yml] [--static]
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import asar from '@electron/asar';
import yaml from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: {
    config: { type: 'string', default: 'electron-builder.yml' },
    static: { type: 'boolean', default: false },
  },
});
const problems = [];
const notes = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

const configPath = path.resolve(root, flags.config);
const config = yaml.load(await readFile(configPath, 'utf8'));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// --- static checks: everything each target needs that would otherwise only fail on a release machine ---
check(config?.appId === 'dev.proxdeck.app', 'appId must be dev.proxdeck.app');
check(config?.productName === 'Proxdeck', 'productName must be Proxdeck');
check(config?.asar === true, 'asar must be true');
const files = Array.isArray(config?.files) ? config.files : [];
for (const glob of ['dist/**', 'dist-main/**', 'package.json'])
  check(files.includes(glob), `files must include ${glob}`);
check(
  !files.some((f) => /^(test|\.\.\/shared|src-)/.test(f)),
  'files must not ship test/, src-* or ../shared',
);
// Electron fuses (electron-builder flips them in the packaged binary).
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
};
for (const [fuse, value] of Object.entries(REQUIRED_FUSES))
  check(config?.electronFuses?.[fuse] === value, `electronFuses.${fuse} must be ${value}`);
// @electron/fuses' FuseV1Options order, and Electron 45's defaults for the stand-in binary's wire.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_INDEX = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  grantFileProtocolExtraPrivileges: 7,
};
const ELECTRON_DEFAULT_WIRE = '10110001';
function readFuseWire(binary) {
  const at = binary.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) return undefined;
  const start = at + FUSE_SENTINEL.length;
  return binary.toString('latin1', start + 2, start + 2 + binary[start + 1]);
}
// Bundled into dist-main: a runtime dependency would ship a second copy in node_modules.
const BUNDLED = ['undici', 'ws', 'zod'];
for (const name of BUNDLED)
  check(
    !(name in (pkg.dependencies ?? {})) || files.includes(`!node_modules/{${BUNDLED.join(',')}}/**`),
    `${name} is bundled into dist-main: it must not ship again from node_modules`,
  );
const targets = (platform) =>
  (config?.[platform]?.target ?? []).map((t) => (typeof t === 'string' ? t : t?.target));
check(
  targets('linux').includes('AppImage') && targets('linux').includes('deb'),
  'linux targets must be AppImage + deb',
);
check(config?.linux?.category === 'System', 'linux.category must be System');
check(targets('mac').includes('dmg'), 'mac target must be dmg');
check(targets('win').includes('nsis'), 'win target must be nsis');
check(
  typeof pkg.homepage === 'string' && pkg.homepage.length > 0,
  'package.json homepage is required by the deb target',
);
check(
  /.+@.+/.test(pkg.author?.email ?? ''),
  'package.json author.email is required by the deb maintainer field',
);
check(
  typeof pkg.description === 'string' && pkg.description.length > 0,
  'package.json description is required',
);
check(pkg.main === 'dist-main/index.cjs', 'package.json main must be dist-main/index.cjs');
check(typeof pkg.license === 'string', 'package.json license is required');
for (const platform of ['linux', 'mac', 'win']) {
  const icon = config?.[platform]?.icon;
  check(
    typeof icon === 'string' && existsSync(path.join(root, icon)),
    `${platform}.icon must exist (${icon})`,
  );
  if (typeof icon === 'string' && icon.endsWith('.png') && existsSync(path.join(root, icon))) {
    const size = pngSize(await readFile(path.join(root, icon)));
    check(
      size && size.width >= 512 && size.height >= 512,
      `${icon} must be a PNG of at least 512x512 (mac and win need it)`,
    );
  }
}

function pngSize(buf) {
  if (buf.length < 24 || buf.toString('latin1', 1, 4) !== 'PNG') return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// --- the built output the globs must match ---
const builtFiles = ['dist/index.html', 'dist-main/index.cjs', 'dist-main/preload.cjs'];
if (!builtFiles.every((f) => existsSync(path.join(root, f)))) {
  notes.push('built output missing: running build:renderer and build:main');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  execFileSync(process.execPath, [path.join(root, 'scripts/build-main.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
}
for (const f of builtFiles) check(existsSync(path.join(root, f)), `${f} must exist after the build`);

// --- an unpacked Linux build against a stand-in Electron dir (no download needed) ---
if (problems.length === 0 && !flags.static) await packUnpacked();
else if (flags.static) notes.push('--static: skipped electron-builder --dir');

async function packUnpacked() {
  const work = await mkdtemp(path.join(tmpdir(), 'proxdeck-dist-check-'));
  try {
    const electronDist = path.join(work, 'electron-standin');
    await mkdir(path.join(electronDist, 'resources'), { recursive: true });
    // electron-builder copies this dir as "the Electron binary"; a script is enough to prove the config packs. Its
    // tail carries a fuse wire laid out like Electron's (sentinel, version 1, length, one byte per fuse, Electron's
    // defaults), so electron-builder's fuse step (@electron/fuses) flips it exactly as in the real binary and the
    // result is read back below. Without it the step fails ("Could not find sentinel").
    await writeFile(
      path.join(electronDist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in for Electron"\nexit 0\n'),
        Buffer.from(FUSE_SENTINEL, 'latin1'),
        Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
        Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1'),
        Buffer.from('\n'),
      ]),
    );
    await chmod(path.join(electronDist, 'electron'), 0o755);
    const electronVersion = JSON.parse(
      await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
    ).version;
    const out = path.join(work, 'release');
    const cli = path.join(root, 'node_modules/electron-builder/cli.js');
    execFileSync(
      process.execPath,
      [
        cli,
        '--linux',
        '--dir',
        '--config',
        configPath,
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${out}`,
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CI: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const wire = readFuseWire(await readFile(path.join(out, 'linux-unpacked', 'proxdeck')));
    for (const [fuse, value] of Object.entries(REQUIRED_FUSES))
      check(
        wire?.[FUSE_INDEX[fuse]] === (value ? '1' : '0'),
        `packed binary: fuse ${fuse} must be ${value} (wire ${wire ?? 'missing'})`,
      );
    notes.push(`fuse wire of the packed binary: ${wire}`);
    const asarPath = path.join(out, 'linux-unpacked', 'resources', 'app.asar');
    check(existsSync(asarPath), 'electron-builder --dir produced no app.asar');
    if (!existsSync(asarPath)) return;
    const entries = asar.listPackage(asarPath, {}).map((p) => p.replaceAll('\\', '/'));
    for (const f of [...builtFiles, 'package.json'])
      check(entries.includes(`/${f}`), `app.asar must contain ${f}`);
    const leaked = entries.filter((e) =>
      /^\/(test|src-main|src-renderer|src-shared|docs|\.ci)(\/|$)/.test(e),
    );
    check(
      leaked.length === 0,
      `app.asar must not contain sources or tests: ${leaked.slice(0, 5).join(', ')}`,
    );
    const shipped = entries.filter((e) => new RegExp(`^/node_modules/(${BUNDLED.join('|')})/`).test(e));
    check(shipped.length === 0, `app.asar ships bundled packages again: ${shipped.slice(0, 3).join(', ')}`);
    notes.push(`electron-builder --linux --dir packed ${entries.length} entries into app.asar`);
    notes.push(
      'AppImage/deb/dmg/nsis need downloaded tooling (and macOS/Windows hosts for dmg/nsis): configured, not built here',
    );
  } catch (err) {
    // electron-builder reports on stdout; an empty stderr Buffer is still truthy, so join both.
    problems.push(
      `electron-builder --dir failed: ${(String(err.stdout ?? '') + String(err.stderr ?? '') || err.message)
        .trim()
        .split('\n')
        .slice(-8)
        .join(' | ')}`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

for (const note of notes) console.log(`note: ${note}`);
for (const problem of problems) console.error(`FAIL: ${problem}`);
console.log(problems.length === 0 ? 'dist:check OK' : `dist:check FAILED (${problems.length} problem(s))`);
process.exit(problems.length === 0 ? 0 : 1);
