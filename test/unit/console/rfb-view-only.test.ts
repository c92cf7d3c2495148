// The view-only RFB filter: handshake and picture requests pass; keys, pointer, clipboard (even split across
// frames), desktop resizes and QEMU key events are dropped; an unknown message ends the session.
import { describe, expect, it } from 'vitest';
import { createViewOnlyFilter, ViewOnlyViolation } from '../../../src-main/features/console/rfb-view-only.js';

const handshake = [
  Buffer.from('RFB 003.008\n', 'latin1'),
  Buffer.from([2]), // VNC authentication
  Buffer.alloc(16, 7), // DES response
  Buffer.from([1]), // ClientInit shared
];
const setEncodings = Buffer.from([2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 7]);
const fbur = Buffer.from([3, 1, 0, 0, 0, 0, 2, 208, 1, 144]);
const key = Buffer.from([4, 1, 0, 0, 0, 0, 0, 0x61]);
const pointer = Buffer.from([5, 1, 0, 10, 0, 10]);
const cut = Buffer.concat([Buffer.from([6, 0, 0, 0, 0, 0, 0, 5]), Buffer.from('rm -rf')]).subarray(0, 13);
const qemuKey = Buffer.from([255, 0, 0, 1, 0, 0, 0, 0x61, 0, 0, 0, 0x1e]);

describe('view-only RFB filter', () => {
  it('passes the handshake and picture requests, drops every input message', () => {
    const f = createViewOnlyFilter();
    const stream = Buffer.concat([...handshake, setEncodings, key, pointer, cut, qemuKey, fbur]);
    const out = Buffer.concat(f.push(stream));
    expect(out).toEqual(Buffer.concat([...handshake, setEncodings, fbur]));
    expect(f.dropped).toBe(4);
  });

  it('handles messages split at any byte, including a clipboard text spread over frames', () => {
    const f = createViewOnlyFilter();
    const stream = Buffer.concat([...handshake, key, cut, fbur, pointer, fbur]);
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i++) out.push(...f.push(stream.subarray(i, i + 1)));
    expect(Buffer.concat(out)).toEqual(Buffer.concat([...handshake, fbur, fbur]));
  });

  it('ends the session on an unknown message or security type', () => {
    const f = createViewOnlyFilter();
    f.push(Buffer.concat(handshake));
    expect(() => f.push(Buffer.from([77]))).toThrow(ViewOnlyViolation);
    const g = createViewOnlyFilter();
    expect(() => g.push(Buffer.concat([handshake[0]!, Buffer.from([19])]))).toThrow(ViewOnlyViolation);
  });
});
