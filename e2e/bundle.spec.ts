// The first screen's JavaScript, as the built index.html asks for it (its entry and every chunk it
// preloads), gzipped: budget 250 kB (README, Performance). The workspace (Yjs, the provider),
// the comparison panel, the dialogs and the validation core load when first needed.
// The web server of this run built dist/ before any test started.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;

test('the first screen loads at most 250 kB of JavaScript, gzipped', async ({ page }) => {
  const html = readFileSync(join('dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const sizes = scripts.map((s) => gzipSync(readFileSync(join('dist', s))).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  test.info().annotations.push({
    type: 'bundle',
    description: `${scripts.length} scripts, ${(total / 1024).toFixed(1)} kB gzipped`,
  });
  process.stdout.write(`initial JavaScript: ${(total / 1024).toFixed(1)} kB gzipped\n`);
  expect(total).toBeLessThanOrEqual(BUDGET);
  // What the page fetches is what index.html names: nothing heavy slips in as a static import.
  const fetched: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) fetched.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(fetched.some((f) => f.includes('connection-'))).toBe(false);
  expect(fetched.some((f) => f.includes('ChangesPanel-'))).toBe(false);
});
