// Renderer build: React 19 via Vite 8, relative asset paths so dist/ loads from app:// and the web host alike.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src-main/security-policy.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Puts the app's CSP into index.html too, from the one definition in security-policy.ts. */
function cspMetaTag(): Plugin {
  return {
    name: 'proxdeck-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  publicDir: here('./assets'),
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Keep everything as files so the policy never needs data: for scripts or styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
