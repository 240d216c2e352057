// Takes the README's two pictures from the built designer, so they show the product as it is:
// the sample plan on first run (prod-tke selected, its paths drawn), and a conflict typed into
// the inspector. `npm run screenshots` builds the designer and runs this, in the Chromium the
// tests use.
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const server = await preview({ preview: { port: 4460, strictPort: true, host: '127.0.0.1' } });
const url = 'http://127.0.0.1:4460/';
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  const idle = page.locator('.cc-status[data-state="idle"]');
  await idle.waitFor();
  await page.locator('.react-flow__node[data-id="internet"]').waitFor();
  // Let the fit animation end before the picture.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'docs/screenshot-sample.png' });

  await page.locator('.react-flow__node[data-id="cls-batch"]').click();
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Container CIDR');
  await field.fill('10.0.0.0/18');
  await field.blur();
  await page.locator('.react-flow__node[data-id="cls-batch"][data-status="error"]').waitFor();
  await idle.waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshot-conflict.png' });
} finally {
  await browser.close();
  await server.close();
}
