// X11 keysyms for the console: the key combos offered in the toolbar, and text turned into keystrokes (paste).
// Pure logic: the view feeds the result to noVNC's sendKey.

export interface KeyStroke {
  keysym: number;
  /** DOM KeyboardEvent.code; lets noVNC send QEMU's scancode extension where it knows one */
  code: string | null;
}

const CTRL: KeyStroke = { keysym: 0xffe3, code: 'ControlLeft' };
const ALT: KeyStroke = { keysym: 0xffe9, code: 'AltLeft' };
const SUPER: KeyStroke = { keysym: 0xffeb, code: 'MetaLeft' };
const fn = (n: number): KeyStroke => ({ keysym: 0xffbe + n - 1, code: `F${n}` });

export interface KeyCombo {
  id: string;
  label: string;
  /** pressed in order, released in reverse */
  keys: KeyStroke[];
}

export const KEY_COMBOS: readonly KeyCombo[] = [
  {
    id: 'ctrl-alt-backspace',
    label: 'Ctrl+Alt+Backspace',
    keys: [CTRL, ALT, { keysym: 0xff08, code: 'Backspace' }],
  },
  ...[1, 2, 3, 7].map((n) => ({ id: `ctrl-alt-f${n}`, label: `Ctrl+Alt+F${n}`, keys: [CTRL, ALT, fn(n)] })),
  { id: 'alt-tab', label: 'Alt+Tab', keys: [ALT, { keysym: 0xff09, code: 'Tab' }] },
  { id: 'alt-f4', label: 'Alt+F4', keys: [ALT, fn(4)] },
  { id: 'ctrl-esc', label: 'Ctrl+Esc', keys: [CTRL, { keysym: 0xff1b, code: 'Escape' }] },
  { id: 'super', label: 'Windows key', keys: [SUPER] },
  { id: 'print', label: 'Print Screen', keys: [{ keysym: 0xff61, code: 'PrintScreen' }] },
];

/** Press/release events for a combo, in the order they must be sent. */
export function comboEvents(combo: KeyCombo): Array<KeyStroke & { down: boolean }> {
  return [
    ...combo.keys.map((k) => ({ ...k, down: true })),
    ...[...combo.keys].reverse().map((k) => ({ ...k, down: false })),
  ];
}

const SPECIAL: Record<string, KeyStroke> = {
  '\n': { keysym: 0xff0d, code: 'Enter' },
  '\r': { keysym: 0xff0d, code: 'Enter' },
  '\t': { keysym: 0xff09, code: 'Tab' },
  '\b': { keysym: 0xff08, code: 'Backspace' },
};

/** The keysym of one character: Latin-1 maps to itself, the rest of Unicode to 0x01000000 + code point. */
export function keysymOf(char: string): KeyStroke | undefined {
  const special = SPECIAL[char];
  if (special) return special;
  const cp = char.codePointAt(0);
  if (cp === undefined || cp < 0x20 || cp === 0x7f) return undefined;
  return { keysym: cp <= 0xff ? cp : 0x01000000 + cp, code: null };
}

/** Keystrokes for pasted text ("\r\n" counts once); characters without a keysym are skipped and counted. */
export function textToKeys(text: string): { keys: KeyStroke[]; skipped: number } {
  const keys: KeyStroke[] = [];
  let skipped = 0;
  for (const char of text.replace(/\r\n/g, '\n')) {
    const k = keysymOf(char);
    if (k) keys.push(k);
    else skipped++;
  }
  return { keys, skipped };
}
