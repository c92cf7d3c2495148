// Shared steps of the fleet e2e tests: confirm a plan in the dialog, and shots for the README (docs/screenshots/ with
// UPDATE_SCREENSHOT=1, else test-results/).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PROJECT_ROOT } from './harness/web-host-process.js';

export async function confirmPlan(page: Page, typed?: string, timeout = 30_000): Promise<void> {
  const dialog = page.getByTestId('confirm-diff-dialog');
  if (typed !== undefined) await dialog.getByTestId('plan-confirm-text').fill(typed);
  await dialog.getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog.getByTestId('plan-end').getAttribute('data-state'), { timeout })
    .toBe('succeeded');
  await dialog.getByTestId('plan-close').click();
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.UPDATE_SCREENSHOT === '1'
      ? path.join(PROJECT_ROOT, 'docs', 'screenshots')
      : path.join(PROJECT_ROOT, 'test-results', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
