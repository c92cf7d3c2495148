// The tray icon's pixels: a filled circle in the health colour on a transparent square, as BGRA (the byte order
// Electron's nativeImage.createFromBitmap reads), so the thin Electron shell only hands them over.
import type { Health } from '../../../src-shared/ipc/channels/alerts.js';

/** [r, g, b] of each level (Mantine's green.6, yellow.6, red.6) */
export const HEALTH_RGB: Record<Health['level'], readonly [number, number, number]> = {
  green: [0x40, 0xc0, 0x57],
  amber: [0xfa, 0xb0, 0x05],
  red: [0xfa, 0x52, 0x52],
};

export function trayIconBitmap(level: Health['level'], size = 16): Buffer {
  const [r, g, b] = HEALTH_RGB[level];
  const out = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      // one pixel of soft edge
      const alpha = Math.round(255 * Math.max(0, Math.min(1, radius + 0.5 - d)));
      const i = (y * size + x) * 4;
      out[i] = b;
      out[i + 1] = g;
      out[i + 2] = r;
      out[i + 3] = alpha;
    }
  return out;
}
