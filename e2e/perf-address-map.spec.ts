// Panning and zooming the address map of a 100,000-object plan against the same gestures on the
// map of an empty plan, canvas of the same size: frame times measured in the page (the interval
// between animation frames while the gestures run) and the drawing time of each frame. Budget:
// the 100k map's frames at most 1.5 times the empty map's (95th percentile).
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { countObjects, generatePlan } from '../bench/generate';
import { Designer } from './support/designer';
import { openPlan } from './support/search';

interface Timing {
  frames: number;
  p50FrameMs: number;
  p95FrameMs: number;
  p50DrawMs: number;
  p95DrawMs: number;
  maxDrawMs: number;
  ranges: string;
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0).toFixed(2);
};

/** Wheel in, drag across, wheel out, over the map canvas, timing every frame. */
async function gestures(page: Page): Promise<Timing> {
  const canvas = page.getByRole('region', { name: 'Address map' }).locator('canvas');
  await expect(canvas).toHaveAttribute('data-span', /\d/);
  const box = (await canvas.boundingBox())!;
  await page.evaluate(() => {
    window.__cidrMapDrawMs = [];
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const y = box.y + 100;
  await page.mouse.move(box.x + box.width * 0.3, y);
  for (let i = 0; i < 25; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(40);
  }
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(box.x + box.width * (0.3 + i * 0.012), y);
  for (let i = 0; i < 40; i++) await page.mouse.move(box.x + box.width * (0.78 - i * 0.012), y);
  await page.mouse.up();
  for (let i = 0; i < 25; i++) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(600);
  const { frames, draws } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames.slice(1), draws: window.__cidrMapDrawMs ?? [] };
  });
  const title = await page
    .getByRole('region', { name: 'Ranges in view' })
    .getByRole('heading')
    .textContent();
  return {
    frames: frames.length,
    p50FrameMs: pct(frames, 0.5),
    p95FrameMs: pct(frames, 0.95),
    p50DrawMs: pct(draws, 0.5),
    p95DrawMs: pct(draws, 0.95),
    maxDrawMs: pct(draws, 1),
    ranges: title ?? '',
  };
}

test('the address map of a 100,000-object plan pans and zooms within 1.5x the frame time of an empty one', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const d = new Designer(page);
  await d.open();
  const view = page.getByRole('group', { name: 'View' });
  const plan = generatePlan(100_000, 20240601);
  await openPlan(page, 'generated-100k.json', plan, 300_000);
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle', {
    timeout: 180_000,
  });
  const t0 = Date.now();
  await view.getByRole('button', { name: 'Address map' }).click();
  await expect(page.getByRole('region', { name: 'Address map' }).locator('canvas')).toHaveAttribute(
    'data-span',
    /\d/,
    { timeout: 60_000 },
  );
  const openMs = Date.now() - t0;
  const full = await gestures(page);

  // The same gestures on the map of an empty plan, canvas of the same size.
  await view.getByRole('button', { name: 'Canvas' }).click();
  await d.newPlan();
  await view.getByRole('button', { name: 'Address map' }).click();
  const empty = await gestures(page);

  const report = {
    objects: countObjects(plan),
    openMs,
    empty,
    full,
    ratioP95: +(full.p95FrameMs / empty.p95FrameMs).toFixed(2),
    ratioP50: +(full.p50FrameMs / empty.p50FrameMs).toFixed(2),
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/address-map-frames-100k.json', JSON.stringify(report, null, 2));
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  process.stdout.write(`address map 100k: ${JSON.stringify(report)}\n`);
  expect(full.frames).toBeGreaterThan(30);
  expect(report.ratioP95).toBeLessThanOrEqual(1.5);
});
