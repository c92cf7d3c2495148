// Bundles the Electron main process and the preload to CommonJS in dist-main/ (sandboxed preloads cannot be ESM).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-main');

/** Native or Electron-provided modules stay outside the bundle; electron-builder ships them from node_modules. */
export const EXTERNAL = ['electron', '@napi-rs/keyring'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  external: EXTERNAL,
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(root, 'src-main/index.ts')],
    outfile: path.join(outdir, 'index.cjs'),
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'src-main/preload/index.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    // The sandboxed preload may require only 'electron'; everything else is bundled in.
    external: ['electron'],
  }),
]);
console.log(`built ${path.relative(root, outdir)}/index.cjs and preload.cjs`);
