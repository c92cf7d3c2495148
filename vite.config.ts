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

/**
 * Mantine writes responsive and AppShell sizes into <style> tags, which style-src 'self' refuses: swap its
 * InlineStyles module for one that adopts a constructable style sheet (src-renderer/ui/theme/csp-inline-styles.ts).
 */
function cspSafeMantineStyles(): Plugin {
  const target = /@mantine[\\/]core[\\/]esm[\\/]core[\\/]InlineStyles[\\/]InlineStyles\.mjs$/;
  const replacement = here('./src-renderer/ui/theme/csp-inline-styles.ts');
  return {
    name: 'proxdeck-csp-safe-mantine-styles',
    load(id) {
      if (!target.test(id)) return null;
      return [
        `import { stylesToString } from './styles-to-string/styles-to-string.mjs';`,
        `import { createInlineStyles } from ${JSON.stringify(replacement)};`,
        `export const InlineStyles = createInlineStyles(stylesToString);`,
      ].join('\n');
    },
  };
}

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  publicDir: here('./assets'),
  plugins: [react(), cspMetaTag(), cspSafeMantineStyles()],
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
