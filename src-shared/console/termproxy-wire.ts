// PVE termproxy's client messages, built by the terminal view and checked by main's relay before they go to PVE:
// "0:LEN:DATA" (input, LEN in UTF-8 bytes), "1:COLS:ROWS:" (resize), "2" (keep-alive ping).
const encoder = new TextEncoder();

export const TERM_PING = '2';
/** PVE answers the "user:ticket" line with these two bytes before any terminal output */
export const TERM_AUTH_OK = 'OK';

export function termInput(text: string): string {
  return `0:${encoder.encode(text).length}:${text}`;
}

export function termResize(cols: number, rows: number): string {
  return `1:${Math.max(1, Math.floor(cols))}:${Math.max(1, Math.floor(rows))}:`;
}

const RESIZE = /^1:\d{1,5}:\d{1,5}:$/;
const INPUT_HEAD = /^0:(\d{1,9}):/;

/** Is this one complete, well-formed client message (and nothing more)? */
export function isTermClientMessage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head === TERM_PING) return bytes.length === 1;
  if (bytes.length <= 16 && RESIZE.test(head)) return true;
  const m = INPUT_HEAD.exec(head);
  return m?.[1] !== undefined && bytes.length === m[0].length + Number(m[1]);
}
