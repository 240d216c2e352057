// Export menu → item, as a person picks it; the downloaded file's name and bytes.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export async function exportAs(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: new RegExp(item) }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
