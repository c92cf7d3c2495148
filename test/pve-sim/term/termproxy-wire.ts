// PVE termproxy's client-to-server framing, parsed from a byte stream as termproxy does: "0:LEN:DATA" is input
// (LEN in bytes), "1:COLS:ROWS:" a resize, "2" a ping; any other byte is skipped. Server-to-client is raw output.
export type TermMessage = { type: 'data'; data: Buffer } | { type: 'resize'; cols: number; rows: number };

const COLON = 0x3a;
/** termproxy drops a number field that has not ended after this many bytes */
const MAX_NUMBER_LENGTH = 20;

export class TermproxyParser {
  private buf = Buffer.alloc(0);
  /** bytes of the current "0:" message still to come */
  private remaining = 0;

  push(chunk: Buffer): TermMessage[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: TermMessage[] = [];
    for (;;) {
      if (this.remaining > 0) {
        if (this.buf.length === 0) break;
        const take = Math.min(this.remaining, this.buf.length);
        out.push({ type: 'data', data: this.buf.subarray(0, take) });
        this.buf = this.buf.subarray(take);
        this.remaining -= take;
        continue;
      }
      const msg = this.next();
      if (msg === 'wait') break;
      if (msg) out.push(msg);
    }
    return out;
  }

  /** one message from the head of the buffer; undefined when bytes were skipped, 'wait' when incomplete */
  private next(): TermMessage | undefined | 'wait' {
    if (this.buf.length < 2) return 'wait';
    const type = this.buf[0];
    if (type === 0x30 || type === 0x31) {
      const fields = this.numbers(type === 0x30 ? 1 : 2);
      if (fields === 'wait') return 'wait';
      if (!fields) return undefined;
      if (type === 0x30) {
        this.remaining = fields[0] ?? 0;
        return undefined;
      }
      return { type: 'resize', cols: fields[0] ?? 0, rows: fields[1] ?? 0 };
    }
    // "2" (ping) and anything unknown: one byte is consumed and ignored
    this.buf = this.buf.subarray(1);
    return undefined;
  }

  /** reads `count` "NUMBER:" fields after the two-byte type prefix; consumes them only when all are there */
  private numbers(count: number): number[] | undefined | 'wait' {
    const values: number[] = [];
    let pos = 2;
    for (let i = 0; i < count; i++) {
      const end = this.buf.indexOf(COLON, pos);
      if (end < 0) {
        if (this.buf.length - pos > MAX_NUMBER_LENGTH) {
          this.buf = this.buf.subarray(this.buf.length);
          return undefined;
        }
        return 'wait';
      }
      const text = this.buf.subarray(pos, end).toString('latin1');
      pos = end + 1;
      if (!/^\d+$/.test(text)) {
        this.buf = this.buf.subarray(pos);
        return undefined;
      }
      values.push(Number(text));
    }
    this.buf = this.buf.subarray(pos);
    return values;
  }
}
