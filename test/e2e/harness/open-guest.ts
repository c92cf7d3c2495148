// Opens one guest's page from the inventory grid (filtered to its vmid, so it is on screen whatever the grid size).
import type { Page } from 'playwright-core';

export async function openGuest(page: Page, vmid: number): Promise<void> {
  if ((await page.getByTestId('guest-view').count()) > 0) await page.getByTestId('back').click();
  else await page.getByTestId('nav-inventory').click();
  await page.getByTestId('grid-filter').fill(String(vmid));
  await page.locator(`[data-testid=guest-row][data-vmid="${vmid}"]`).first().click();
  await page.getByTestId('guest-view').waitFor();
}
