// What noVNC drew in a page's console: canvas size and how many pixels are not black (null while there is no canvas).
import type { Page } from 'playwright-core';

export interface ConsoleFrame {
  width: number;
  height: number;
  nonBlack: number;
}

export function consoleFrame(page: Page): Promise<ConsoleFrame | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=console-screen] canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return null;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let nonBlack = 0;
    for (let i = 0; i < data.length; i += 4)
      if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 0) nonBlack++;
    return { width: canvas.width, height: canvas.height, nonBlack };
  });
}

export const litPixels = async (page: Page): Promise<number> => (await consoleFrame(page))?.nonBlack ?? 0;
