// Live validation on a 200-object plan, measured in the browser: from the keystroke that
// changes a container CIDR to the highlight on screen. The core issue's budget: 20 ms median
// (33 ms max, 33 ms to the next frame). A plan this small is validated in the page, so the
// highlight is drawn in the edit's own frame: 10-12 ms median at load 3-5, where the worker took
// 30 ms (docs/performance.md, 2026-12-02 day). The assertion is the budget's median.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { countObjects, gridPlan } from './support/plans';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

test('an edit on a 200-object plan shows its new highlights within 20 ms (median); dragging stays smooth', async ({
  page,
}) => {
  const plan = gridPlan(200);
  const objects = countObjects(plan);
  expect(objects).toBeGreaterThanOrEqual(190);
  await page.goto('/');
  await page.locator('.react-flow__node').first().waitFor();
  await page.getByLabel('Open plan').setInputFiles({
    name: 'plan-200.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(page.locator('.react-flow__node[data-id="cls-0-0"]')).toBeAttached();
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  await page.locator('.react-flow__node[data-id="cls-0-0"]').click();
  const field = page.getByLabel('Container CIDR');
  await expect(field).toHaveValue('172.16.0.0/18');

  // Type a value through the field the way a keystroke does, then wait for the highlight.
  const measure = (value: string, status: string) =>
    field.evaluate(
      (input: HTMLInputElement, [v, want]) =>
        new Promise<[number, number]>((resolve) => {
          const node = document.querySelector('.react-flow__node[data-id="cls-0-0"]')!;
          // React listens for input events; the native setter makes the change look typed.
          const proto = HTMLInputElement.prototype as unknown as { value: string };
          const t0 = performance.now();
          Reflect.set(proto, 'value', v, input);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // The first frame that starts with the highlight in the page is the one that shows it;
          // the frame after it starts once that one is drawn (a bound from above, on a machine
          // that rasterises in software).
          const check = () => {
            if (node.getAttribute('data-status') === want) {
              const inFrame = performance.now() - t0;
              requestAnimationFrame(() => resolve([inFrame, performance.now() - t0]));
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      [value, status] as const,
    );
  const times: number[] = [];
  const after: number[] = [];
  // Each edit starts from a settled screen, as a person's next keystroke does after looking.
  const settle = () => page.waitForTimeout(400);
  for (let i = 0; i < 10; i++) {
    await settle();
    for (const [value, status] of [
      ['10.0.128.0/17', 'error'],
      ['172.16.0.0/18', 'ok'],
    ] as const) {
      const [inFrame, next] = await measure(value, status);
      times.push(inFrame);
      after.push(next);
      await settle();
    }
  }
  const med = median(times);
  const max = Math.max(...times);

  // Drag a VPC for a second and record the frame times in the page.
  await page.getByRole('button', { name: 'Fit View' }).click();
  // Fitted, 200 objects are drawn at reduced detail: the VPC is grabbed by its top band.
  const vpc = page.locator('.react-flow__node[data-id="vpc-1"]');
  const full = (await vpc.boundingBox())!;
  const box = { x: full.x + full.width * 0.3 - 40, y: full.y + full.height * 0.03 - 10 };
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[] };
    w.frames_ = [];
    let last = performance.now();
    const tick = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      if (w.frames_.length < 400) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + 40, box.y + 10);
  await page.mouse.down();
  for (let i = 0; i < 60; i++)
    await page.mouse.move(box.x + 40 + i * 2, box.y + 10 + (i % 10), { steps: 1 });
  await page.mouse.up();
  const moved = (await vpc.boundingBox())!;
  expect(Math.abs(moved.x - full.x) + Math.abs(moved.y - full.y)).toBeGreaterThan(20);
  const frames = await page.evaluate(() =>
    (window as unknown as { frames_: number[] }).frames_.slice(2),
  );
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;

  const report = {
    objects,
    editToHighlightMs: { median: +med.toFixed(1), max: +max.toFixed(1), runs: times.length },
    editToNextFrameMs: { median: +median(after).toFixed(1), max: +Math.max(...after).toFixed(1) },
    dragFrameMs: {
      median: +median(frames).toFixed(1),
      p95: +p95.toFixed(1),
      frames: frames.length,
    },
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/perf-200.json', JSON.stringify(report, null, 2));
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  process.stdout.write(`perf-200: ${JSON.stringify(report)}\n`);
  expect(med).toBeLessThanOrEqual(20);
});
