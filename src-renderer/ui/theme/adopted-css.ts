// CSS produced at run time (theme variables, responsive props) as constructable style sheets: the CSP forbids <style> tags.
const sheets = new Map<string, CSSStyleSheet>();

/** Sets the CSS text of the sheet named `key`, creating and adopting it on first use; '' empties it. */
export function adoptCss(key: string, css: string): void {
  if (typeof document === 'undefined') return;
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheets.set(key, sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}

/** Removes a sheet adopted by adoptCss. */
export function dropCss(key: string): void {
  const sheet = sheets.get(key);
  if (!sheet) return;
  sheets.delete(key);
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
}
