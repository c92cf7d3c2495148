// Launches Debian's Chromium through playwright-core with the flags CI needs (Playwright never downloads a browser of its own here).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PROXDECK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
] as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}
