// Typing in the inspector on a 20,000-object plan, timed in the page: from each keydown to the
// next animation frame, 20 keys. Budget: median under 16 ms (input never waits for the canvas).
// Also the time to open generated 5k and 20k plans through the file chooser, and the longest
// frame the page was held for while opening (how long "nothing happens" looks).
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { countObjects as countGenerated, generatePlan } from '../bench/generate';
import { Designer } from './support/designer';
import { countObjects, gridPlan } from './support/plans';

function report(name: string, value: unknown): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${name}.json`, JSON.stringify(value, null, 2));
  test.info().annotations.push({ type: 'perf', description: `${name}: ${JSON.stringify(value)}` });
  process.stdout.write(`${name}: ${JSON.stringify(value)}\n`);
}

/** Records the longest gap between animation frames from now until `stopFrameWatch`. */
async function startFrameWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: { max: number; on: boolean } };
    w.__gap = { max: 0, on: true };
    let last = performance.now();
    const tick = (t: number) => {
      w.__gap.max = Math.max(w.__gap.max, t - last);
      last = t;
      if (w.__gap.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameWatch(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __gap: { max: number; on: boolean } };
    w.__gap.on = false;
    return Math.round(w.__gap.max);
  });
}

test('opening generated 5k and 20k plans: time to the validated plan, longest frame held', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const d = new Designer(page);
  await d.open();
  const results: Record<string, unknown>[] = [];
  for (const size of [5_000, 20_000]) {
    const plan = { ...generatePlan(size, 20240601 + size), name: `generated ${size}` };
    const name = `generated-${size}.json`;
    const buffer = Buffer.from(JSON.stringify(plan));
    await startFrameWatch(page);
    const t0 = Date.now();
    await page.getByLabel('Open plan').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer,
    });
    await expect(page.locator('.cc-plan-name')).toHaveText(plan.name, { timeout: 120_000 });
    const shownMs = Date.now() - t0;
    await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle', {
      timeout: 120_000,
    });
    await expect(page.locator('.cc-status')).toContainText('Validated');
    const validatedMs = Date.now() - t0;
    const longestFrameMs = await stopFrameWatch(page);
    results.push({
      objects: countGenerated(plan),
      bytes: buffer.length,
      shownMs,
      validatedMs,
      longestFrameMs,
    });
  }
  report('open-generated', results);
});

test('typing in the inspector on a 20,000-object plan stays under 16 ms a key (median)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const d = new Designer(page);
  await d.open();
  const plan = gridPlan(20_000);
  await page.getByLabel('Open plan').setInputFiles({
    name: 'grid-20k.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(page.locator('.cc-plan-name')).toHaveText(plan.name as string, {
    timeout: 120_000,
  });
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle', {
    timeout: 120_000,
  });
  // Pick a subnet as a person would: find it with the command bar.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('subnet 3.2');
  await expect(page.getByRole('option').first()).toContainText('subnet 3.2');
  await page.keyboard.press('Enter');
  const nameField = d.inspector.getByLabel('Name', { exact: true });
  await expect(nameField).toHaveValue('subnet 3.2');
  await nameField.click();
  await page.keyboard.press('End');
  // The canvas has just framed the subnet and drawn what came into view; a person reads the
  // field before typing. What is timed is typing, not that framing.
  await page.waitForTimeout(1_000);
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => w.__keys.push(performance.now() - t0));
      },
      { capture: true },
    );
  });
  const typed = ' renamed abcdefghijk';
  expect(typed).toHaveLength(20);
  // About a fast typist's pace: 80 ms between keys.
  for (const ch of typed) {
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.waitForTimeout(80);
  }
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.length))
    .toBe(20);
  const ms = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  await expect(nameField).toHaveValue(`subnet 3.2${typed}`);
  // The name reaches the plan (the canvas draws it) and the edit is one undo step.
  await page.keyboard.press('Tab');
  await expect(d.node('sn-3-2')).toContainText(`subnet 3.2${typed}`);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(d.node('sn-3-2')).not.toContainText('renamed');
  await expect(d.node('sn-3-2')).toContainText('subnet 3.2');
  const sorted = [...ms].sort((a, b) => a - b);
  const result = {
    objects: countObjects(plan),
    keys: ms.length,
    medianMs: +sorted[sorted.length >> 1]!.toFixed(1),
    maxMs: +sorted[sorted.length - 1]!.toFixed(1),
    allMs: ms.map((x) => +x.toFixed(1)),
  };
  report('typing-latency-20k', result);
  expect(result.medianMs).toBeLessThan(16);
});
