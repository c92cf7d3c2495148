// Accessibility check for e2e: runs axe-core in the page (evaluated through the devtools protocol, which the CSP
// does not govern) and returns the violations of impact serious or critical, readable in a failure message.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | undefined;

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}

/** Violations of impact serious or critical on the page as it is now (optionally only inside `include`). */
export async function seriousA11yProblems(page: Page, include?: string): Promise<AxeProblem[]> {
  source ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const result = await page.evaluate(
    async (scope) =>
      (await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(
        scope ? { include: [scope] } : document,
        { resultTypes: ['violations'] },
      )) as AxeResult,
    include ?? null,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
}

/** Sets the colour scheme through the header switch, as a user would, and waits for it to apply. */
export async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.getByTestId('color-scheme').click();
  await page.getByTestId(`color-scheme-${scheme}`).click();
  await page.waitForFunction(
    (s) => document.documentElement.getAttribute('data-mantine-color-scheme') === s,
    scheme,
  );
  // the menu fades out after the click: scan only once it is gone
  await page.locator('[role=menu]').waitFor({ state: 'detached' });
}
