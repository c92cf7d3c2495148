// The tray icon bitmap: the health colour in the middle, transparent corners, BGRA order.
import { describe, expect, it } from 'vitest';
import { HEALTH_RGB, trayIconBitmap } from '../../../src-main/features/alerts/tray-icon.js';

const pixel = (buf: Buffer, size: number, x: number, y: number) => [
  ...buf.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe('tray icon', () => {
  it.each(['green', 'amber', 'red'] as const)('%s: a filled circle of its colour', (level) => {
    const buf = trayIconBitmap(level, 16);
    expect(buf.length).toBe(16 * 16 * 4);
    const [r, g, b] = HEALTH_RGB[level];
    expect(pixel(buf, 16, 8, 8)).toEqual([b, g, r, 255]);
    expect(pixel(buf, 16, 0, 0)[3]).toBe(0);
  });
});
