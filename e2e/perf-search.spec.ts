// Typing in the command bar on a 20,000- and a 100,000-object plan, timed in the page: each
// keystroke from its input event to the next frame, that is the search and the render of its
// results. Budget 50 ms. Timed here, alone: in the e2e project another browser shared the two
// cores, and the 20k median moved from 18 ms alone to 45-94 ms with whichever test ran beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { countObjects, generatePlan } from '../bench/generate';
import { Designer } from './support/designer';
import { countObjects as countGrid } from './support/plans';
import { bar, expectInView, openGrid20k, openPlan, typingLatency } from './support/search';

test('typing in the command bar on a 100,000-object plan stays within 50 ms a keystroke', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const d = new Designer(page);
  await d.open();
  const plan = generatePlan(100_000, 20240601);
  await openPlan(page, 'generated-100k.json', plan, 180_000);
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle', {
    timeout: 180_000,
  });
  const b = bar(page);
  const t0 = Date.now();
  await page.keyboard.press('Control+k');
  await expect(b.input).toBeFocused();
  // The first search waits for the index of the plan, built when the bar opens.
  await page.keyboard.type('s');
  await expect(b.options.first()).toBeVisible();
  const firstResultsMs = Date.now() - t0;
  const subnet = plan.subnets[plan.subnets.length - 1]!;
  const address = subnet.cidr.replace(/\.0\/\d+$/, '.9');
  const ms = [
    ...(await typingLatency(page, subnet.name ?? subnet.id)),
    ...(await typingLatency(page, subnet.id)),
    ...(await typingLatency(page, address)),
    ...(await typingLatency(page, 'backbone')),
  ].sort((x, y) => x - y);
  await expect(b.options.first()).toContainText('backbone');
  // The address typed last but one found its subnet first.
  await typingLatency(page, address);
  await expect(b.options.first()).toContainText(subnet.name ?? subnet.id);
  await page.keyboard.press('Enter');
  // Enter selects what was found and frames it: the subnet drawn, its box inside the canvas.
  // (It used to glide there, and on this plan each frame of the glide took long enough for the
  // move to be cut short or overtaken, the subnet left out of view; a large plan now jumps.)
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(subnet.id);
  await expectInView(page, d.node(subnet.id), 60_000);
  const report = {
    objects: countObjects(plan),
    firstResultsMs,
    keystrokes: ms.length,
    medianMs: +ms[ms.length >> 1]!.toFixed(1),
    p95Ms: +ms[Math.floor(ms.length * 0.95)]!.toFixed(1),
    maxMs: +ms[ms.length - 1]!.toFixed(1),
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/search-latency-100k.json', JSON.stringify(report, null, 2));
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  process.stdout.write(`search latency 100k: ${JSON.stringify(report)}\n`);
  expect(report.p95Ms).toBeLessThanOrEqual(50);
});

test('typing in the command bar on a 20,000-object plan stays within 50 ms a keystroke (median)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { plan, last, address } = await openGrid20k(page);
  const b = bar(page);
  await page.keyboard.press('Control+k');
  await expect(b.input).toBeFocused();
  // A name, an address and a one-letter query, after one untimed query.
  await typingLatency(page, 'warm');
  const ms = [
    ...(await typingLatency(page, `subnet ${last}.7`)),
    ...(await typingLatency(page, address)),
    ...(await typingLatency(page, 's')),
  ].sort((x, y) => x - y);
  await expect(b.options.first()).toContainText('subnet');
  const report = {
    objects: countGrid(plan),
    keystrokes: ms.length,
    medianMs: +ms[ms.length >> 1]!.toFixed(1),
    maxMs: +ms[ms.length - 1]!.toFixed(1),
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/search-latency.json', JSON.stringify(report, null, 2));
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  process.stdout.write(`search latency: ${JSON.stringify(report)}\n`);
  expect(report.medianMs).toBeLessThanOrEqual(50);
});
