// Renderer build: React 19 via Vite 8, relative asset paths so dist/ loads from app:// and the web host alike.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  publicDir: here('./assets'),
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Keep everything as files: inline data URLs would still be allowed by CSP, but files keep the policy simple.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
