// Mantine's InlineStyles (responsive props, AppShell sizes) without a <style> tag: the CSS goes to an adopted sheet.
// vite.config.ts swaps Mantine's own module for createInlineStyles(stylesToString) at build time.
import { useId, useInsertionEffect } from 'react';
import { adoptCss, dropCss } from './adopted-css.js';

export interface InlineStylesInput {
  selector: string;
  styles?: Record<string, unknown>;
  media?: unknown;
  container?: unknown;
  deduplicate?: boolean;
}

export function createInlineStyles(toCss: (input: InlineStylesInput) => string) {
  return function InlineStyles({ deduplicate: _deduplicate, ...input }: InlineStylesInput): null {
    const key = `inline-${useId()}`;
    const css = toCss(input);
    useInsertionEffect(() => adoptCss(key, css), [key, css]);
    useInsertionEffect(() => () => dropCss(key), [key]);
    return null;
  };
}
