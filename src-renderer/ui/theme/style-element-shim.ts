// Libraries that style themselves through <style> elements (xterm.js's DOM renderer: theme colours, cell sizes, the
// scroll area) meet the CSP's style-src 'self', which refuses inline styles, and the terminal loses its colours.
// Installed once at start-up, this keeps every <style> element empty and sends the CSS written into it to an adopted
// style sheet instead (adopted-css.ts); the sheet goes when the element is removed.
import { adoptCss, dropCss } from './adopted-css.js';

const keys = new WeakMap<HTMLStyleElement, string>();
const texts = new WeakMap<HTMLStyleElement, string>();
let installed = false;
let next = 0;

function keyOf(el: HTMLStyleElement): string {
  let key = keys.get(el);
  if (!key) {
    key = `style-element-${next++}`;
    keys.set(el, key);
  }
  return key;
}

export function installStyleElementShim(): void {
  if (installed || typeof HTMLStyleElement === 'undefined') return;
  installed = true;
  const proto = HTMLStyleElement.prototype;
  Object.defineProperty(proto, 'textContent', {
    configurable: true,
    get(this: HTMLStyleElement): string {
      return texts.get(this) ?? '';
    },
    set(this: HTMLStyleElement, value: string | null) {
      const css = value ?? '';
      texts.set(this, css);
      adoptCss(keyOf(this), css);
    },
  });
  const remove = Element.prototype.remove;
  Object.defineProperty(proto, 'remove', {
    configurable: true,
    value(this: HTMLStyleElement): void {
      const key = keys.get(this);
      if (key) dropCss(key);
      remove.call(this);
    },
  });
}
