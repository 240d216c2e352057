import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://localhost:5199/';
const out = process.argv[3] ?? '/tmp/shots/a.png';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const logs = [];
page.on('console', (m) => { if (!/vite|DevTools|attribution|subscribed/.test(m.text())) logs.push(`${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
await page.goto(url);
await page.waitForSelector('.react-flow__node');
await page.waitForTimeout(1500);
for (const step of process.argv.slice(4)) { await page.evaluate(step); await page.waitForTimeout(1000); }
await page.screenshot({ path: out });
console.log(logs.join('\n'));
await browser.close();
