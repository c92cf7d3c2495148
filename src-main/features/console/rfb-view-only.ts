// The viewer → PVE half of a view-only console: parses the RFB client stream and passes only the handshake and the
// messages that ask for pictures (SetPixelFormat, SetEncodings, FramebufferUpdateRequest, continuous updates,
// fences). Keys, pointer, clipboard, desktop resizes and QEMU's extended keys are dropped; anything unknown ends it.

/** Thrown for a stream the filter cannot parse safely: the session must end (fail closed). */
export class ViewOnlyViolation extends Error {
  override name = 'ViewOnlyViolation';
}

type Phase = 'version' | 'security' | 'auth' | 'init' | 'messages';

/** Fixed-size client messages: type → length; null = dropped, a number = passed. */
const FIXED: Record<number, { length: number; pass: boolean }> = {
  0: { length: 20, pass: true }, // SetPixelFormat
  3: { length: 10, pass: true }, // FramebufferUpdateRequest
  150: { length: 10, pass: true }, // EnableContinuousUpdates
  4: { length: 8, pass: false }, // KeyEvent
  5: { length: 6, pass: false }, // PointerEvent
};

/** VNC authentication (2) and none (1) are the only security types PVE's vncproxy uses. */
const AUTH_RESPONSE: Record<number, number> = { 1: 0, 2: 16 };

export interface ViewOnlyFilter {
  /** bytes from the viewer; answers the bytes to send on to PVE (possibly none) */
  push(chunk: Buffer): Buffer[];
  /** how many client messages were dropped (tests, audit) */
  readonly dropped: number;
}

/** Length of the variable-size message at the start of `buf`, undefined while the header is incomplete. */
function variableLength(type: number, buf: Buffer): { length: number; pass: boolean } | undefined {
  switch (type) {
    case 2: // SetEncodings: u8 type, pad, u16 count, count × s32
      return buf.length < 4 ? undefined : { length: 4 + 4 * buf.readUInt16BE(2), pass: true };
    case 6: // ClientCutText: u8 type, 3 pad, s32 length (negative: extended clipboard), text
      return buf.length < 8 ? undefined : { length: 8 + Math.abs(buf.readInt32BE(4)), pass: false };
    case 248: // ClientFence: u8 type, 3 pad, u32 flags, u8 length, payload
      return buf.length < 9 ? undefined : { length: 9 + buf.readUInt8(8), pass: true };
    case 251: // SetDesktopSize: u8 type, pad, u16 w, u16 h, u8 screens, pad, screens × 16
      return buf.length < 8 ? undefined : { length: 8 + 16 * buf.readUInt8(6), pass: false };
    case 255: {
      // QEMU client messages: 0 = extended key event (12), 1 = audio (u16 op: 0/1 → 4, 2 → 10)
      if (buf.length < 2) return undefined;
      if (buf.readUInt8(1) === 0) return { length: 12, pass: false };
      if (buf.readUInt8(1) !== 1) break;
      if (buf.length < 4) return undefined;
      const op = buf.readUInt16BE(2);
      if (op === 0 || op === 1) return { length: 4, pass: false };
      if (op === 2) return { length: 10, pass: false };
      break;
    }
  }
  throw new ViewOnlyViolation(`unknown RFB client message ${type}`);
}

export function createViewOnlyFilter(): ViewOnlyFilter {
  let phase: Phase = 'version';
  let pending: Buffer = Buffer.alloc(0);
  /** bytes of a dropped message still to come */
  let skip = 0;
  let authLength = 0;
  let dropped = 0;

  /** the next unit of the stream: its length and whether it passes; undefined when more bytes are needed */
  function next(): { length: number; pass: boolean } | undefined {
    switch (phase) {
      case 'version':
        return pending.length < 12 ? undefined : { length: 12, pass: true };
      case 'security':
        return pending.length < 1 ? undefined : { length: 1, pass: true };
      case 'auth':
        return { length: authLength, pass: true };
      case 'init':
        return pending.length < 1 ? undefined : { length: 1, pass: true };
      case 'messages': {
        if (pending.length < 1) return undefined;
        const type = pending.readUInt8(0);
        return FIXED[type] ?? variableLength(type, pending);
      }
    }
  }

  function advance(unit: Buffer): void {
    if (phase === 'version') {
      if (!/^RFB 003\.00[78]\n$/.test(unit.toString('latin1')))
        throw new ViewOnlyViolation('only RFB 3.7 and 3.8 are relayed view-only');
      phase = 'security';
    } else if (phase === 'security') {
      const response = AUTH_RESPONSE[unit.readUInt8(0)];
      if (response === undefined) throw new ViewOnlyViolation('unsupported VNC security type');
      authLength = response;
      phase = response > 0 ? 'auth' : 'init';
    } else if (phase === 'auth') phase = 'init';
    else if (phase === 'init') phase = 'messages';
  }

  return {
    get dropped() {
      return dropped;
    },
    push(chunk) {
      let data = chunk;
      if (skip > 0) {
        const n = Math.min(skip, data.length);
        skip -= n;
        data = data.subarray(n);
      }
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      const out: Buffer[] = [];
      for (;;) {
        const unit = next();
        if (!unit) break;
        if (!unit.pass) {
          // A dropped message may be long (clipboard): it is skipped as it streams in, never buffered whole.
          dropped++;
          const n = Math.min(unit.length, pending.length);
          skip = unit.length - n;
          pending = pending.subarray(n);
          if (skip > 0) break;
          continue;
        }
        if (pending.length < unit.length) break;
        const bytes = pending.subarray(0, unit.length);
        pending = pending.subarray(unit.length);
        advance(bytes);
        out.push(Buffer.from(bytes));
      }
      return out;
    },
  };
}
