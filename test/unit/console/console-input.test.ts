// Pure console logic: keysyms for pasted text and key combos, and the detached console's route in the URL fragment.
import { describe, expect, it } from 'vitest';
import {
  comboEvents,
  KEY_COMBOS,
  keysymOf,
  textToKeys,
} from '../../../src-renderer/features/console/key-input.js';
import { consoleRouteHash, parseConsoleRoute } from '../../../src-renderer/features/console/console-route.js';

describe('paste as keystrokes', () => {
  it('maps Latin-1 to itself, other Unicode to 0x01000000 + code point, and control keys to their keysyms', () => {
    expect(keysymOf('a')?.keysym).toBe(0x61);
    expect(keysymOf('Z')?.keysym).toBe(0x5a);
    expect(keysymOf('é')?.keysym).toBe(0xe9);
    expect(keysymOf('€')?.keysym).toBe(0x010020ac);
    expect(keysymOf('\n')).toEqual({ keysym: 0xff0d, code: 'Enter' });
    expect(keysymOf('\t')?.keysym).toBe(0xff09);
    expect(keysymOf('\u0007')).toBeUndefined();
  });

  it('types CRLF once and counts what it cannot type', () => {
    const { keys, skipped } = textToKeys('ls -l\r\n\u0001😀');
    expect(keys.map((k) => k.keysym)).toEqual([0x6c, 0x73, 0x20, 0x2d, 0x6c, 0xff0d, 0x01000000 + 0x1f600]);
    expect(skipped).toBe(1);
  });
});

describe('key combos', () => {
  it('presses in order and releases in reverse', () => {
    const cab = KEY_COMBOS.find((c) => c.id === 'ctrl-alt-backspace')!;
    expect(comboEvents(cab).map((e) => `${e.down ? '+' : '-'}${e.keysym.toString(16)}`)).toEqual([
      '+ffe3',
      '+ffe9',
      '+ff08',
      '-ff08',
      '-ffe9',
      '-ffe3',
    ]);
    expect(KEY_COMBOS.find((c) => c.id === 'ctrl-alt-f2')?.keys[2]).toEqual({ keysym: 0xffbf, code: 'F2' });
  });
});

describe('detached console route', () => {
  it('keeps the launch secret and round-trips the target', () => {
    const target = { profileId: 'p1', node: 'pve1', type: 'qemu' as const, vmid: 101 };
    const hash = consoleRouteHash(target, '#secret=abcdefghijklmnopq');
    expect(new URLSearchParams(hash.slice(1)).get('secret')).toBe('abcdefghijklmnopq');
    expect(parseConsoleRoute(hash)).toEqual(target);
  });

  it('ignores a missing or malformed route', () => {
    expect(parseConsoleRoute('#secret=x')).toBeUndefined();
    expect(parseConsoleRoute('#console=%7Bnot-json')).toBeUndefined();
    expect(
      parseConsoleRoute(
        `#console=${encodeURIComponent(JSON.stringify({ profileId: 'p', node: 'n', type: 'qemu' }))}`,
      ),
    ).toBeUndefined();
  });
});
