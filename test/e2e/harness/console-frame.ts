// What noVNC drew on a page's canvas: size, how many pixels are not black, and a hash of the whole image (null while
// there is no canvas). The app's console by default; the simulator's bare noVNC page passes its own selector.
import type { Page } from 'playwright-core';

export interface ConsoleFrame {
  width: number;
  height: number;
  nonBlack: number;
  hash: string;
}

export const APP_CONSOLE_CANVAS = '[data-testid=console-screen] canvas';

export function consoleFrame(page: Page, selector = APP_CONSOLE_CANVAS): Promise<ConsoleFrame | null> {
  return page.evaluate(async (sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return null;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let nonBlack = 0;
    for (let i = 0; i < data.length; i += 4)
      if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 0) nonBlack++;
    const digest = await crypto.subtle.digest('SHA-256', data);
    const hash = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    return { width: canvas.width, height: canvas.height, nonBlack, hash };
  }, selector);
}

export const litPixels = async (page: Page, selector?: string): Promise<number> =>
  (await consoleFrame(page, selector))?.nonBlack ?? 0;
