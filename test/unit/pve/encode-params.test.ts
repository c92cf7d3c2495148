// encodeParams: the one form/query encoding of PVE parameters (booleans as 0/1, string arrays as repeated keys).
import { describe, expect, it } from 'vitest';
import { encodeParams } from '../../../src-main/pve/client.js';

describe('encodeParams', () => {
  it('writes booleans as 0/1, skips undefined and repeats the key per array item, in order', () => {
    expect(encodeParams({ a: true, b: false, c: undefined, n: 5 })).toBe('a=1&b=0&n=5');
    expect(encodeParams({ command: ['df', '-h'], pid: 3 })).toBe('command=df&command=-h&pid=3');
  });

  it('encodes every array item on its own, so separators inside an argument stay inside it', () => {
    const decoded = new URLSearchParams(encodeParams({ command: ['echo', 'a b&c=d', 'x,y'] }));
    expect(decoded.getAll('command')).toEqual(['echo', 'a b&c=d', 'x,y']);
    expect(encodeParams({ command: [] })).toBe('');
  });
});
