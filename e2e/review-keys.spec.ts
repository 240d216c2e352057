// Review mode in a meeting room, driven by a presentation clicker: it sends Enter, Space,
// PageDown and PageUp wherever focus is, and the review must step, never close.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';
import { openPlan } from './support/search';

const sample = JSON.parse(
  readFileSync(new URL('../src/app/templates/sample.plan.json', import.meta.url), 'utf8'),
) as {
  clusters: { id: string; name: string }[];
  routeTables: { id: string; routes: { destination: string; target: string }[] }[];
};

const reviewButton = (page: Page) => page.getByRole('button', { name: 'Review', exact: true });
const card = (page: Page) => page.getByRole('dialog', { name: 'Review' });

async function stepNumber(page: Page): Promise<{ at: number; of: number }> {
  const text = (await card(page).locator('.cc-review__count').textContent()) ?? '';
  const m = /Step (\d+) of (\d+)/.exec(text);
  if (!m) throw new Error(`no step counter in "${text}"`);
  return { at: Number(m[1]), of: Number(m[2]) };
}

async function expectStep(page: Page, at: number): Promise<void> {
  await expect(card(page).locator('.cc-review__count')).toContainText(`Step ${at} of`);
}

test('a clicker steps the review with Enter, Space and PageDown, PageUp goes back, Escape leaves', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await reviewButton(page).click();
  await expect(card(page)).toBeVisible();
  await expectStep(page, 1);
  // Focus moved from the toolbar's toggle into the card.
  await expect(card(page)).toBeFocused();
  const { of } = await stepNumber(page);
  expect(of).toBeGreaterThanOrEqual(5);

  let at = 1;
  for (const key of ['Enter', 'Space', 'PageDown', 'Enter', 'ArrowRight']) {
    await page.keyboard.press(key);
    at += 1;
    await expectStep(page, at);
    await expect(card(page)).toBeVisible();
    await expect(reviewButton(page)).toHaveAttribute('aria-pressed', 'true');
  }
  await page.keyboard.press('PageUp');
  await expectStep(page, at - 1);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, at - 2);

  // Even with focus put back on the Review button by a mouse, a clicker's Enter steps.
  await reviewButton(page).focus();
  await page.keyboard.press('Enter');
  await expectStep(page, at - 1);
  await page.keyboard.press('Space');
  await expectStep(page, at);
  await expect(card(page)).toBeVisible();

  // Other shortcuts do nothing while reviewing: P would toggle all paths, ? open the help.
  const allPaths = page.getByRole('button', { name: 'All paths' });
  const pressed = await allPaths.getAttribute('aria-pressed');
  await page.keyboard.press('p');
  await page.keyboard.press('?');
  await expect(allPaths).toHaveAttribute('aria-pressed', pressed ?? 'false');
  await expect(page.getByRole('dialog', { name: /shortcuts/i })).toHaveCount(0);
  await expectStep(page, at);

  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await expect(reviewButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(reviewButton(page)).toBeFocused();
});

test('the summary counts the unreachable path that a later step shows', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  // Break the route from prod to the shared VPC: pods in prod can no longer reach billing-db.
  const broken = structuredClone(sample);
  const rtb = broken.routeTables.find((t) => t.id === 'rtb-prod')!;
  rtb.routes = rtb.routes.filter((r) => r.target !== 'pcx-prod-shared');
  await openPlan(page, 'broken.plan.json', broken);
  await d.waitValidated();

  await reviewButton(page).click();
  const summary = card(page);
  await expect(summary).toContainText('unreachable path');
  const unreachable = Number(
    await summary
      .locator('.cc-review__stats div', { hasText: 'unreachable' })
      .locator('strong')
      .textContent(),
  );
  expect(unreachable).toBeGreaterThan(0);
  const walk = (await summary.locator('.cc-review__walk').textContent()) ?? '';
  const paths = Number(/(\d+) path steps?/.exec(walk)?.[1]);

  // Walk every step and count what the summary promised.
  const { of } = await stepNumber(page);
  let seenPaths = 0;
  let seenUnreachable = 0;
  for (let i = 2; i <= of; i++) {
    await page.keyboard.press('PageDown');
    await expectStep(page, i);
    if ((await card(page).locator('.cc-review__path').count()) > 0) {
      seenPaths += 1;
      seenUnreachable += await card(page).locator('.cc-verdict--unreachable').count();
    }
  }
  expect(seenPaths).toBe(paths);
  expect(seenUnreachable).toBe(unreachable);
});

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`at ${width}x${height} every cluster name in the path steps is shown whole`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const d = new Designer(page);
    await d.open();
    await reviewButton(page).click();
    const clusterNames = sample.clusters.map((c) => c.name);
    const { of } = await stepNumber(page);
    let checked = 0;
    for (let i = 2; i <= of; i++) {
      await page.keyboard.press('PageDown');
      await expectStep(page, i);
      if ((await card(page).locator('.cc-review__path').count()) === 0) continue;
      const names = await card(page)
        .locator('.cc-review__name')
        .evaluateAll((els) =>
          els.map((e) => ({
            text: e.textContent ?? '',
            whole: e.scrollWidth <= e.clientWidth || e.clientWidth === 0,
            visible: e.getBoundingClientRect().width > 0,
          })),
        );
      const clusters = names.filter((n) => clusterNames.includes(n.text));
      // Each path step names its cluster (in the kicker and in the lead).
      expect(clusters.length).toBeGreaterThanOrEqual(2);
      for (const n of names) {
        expect(n.visible, n.text).toBe(true);
        expect(n.whole, `${n.text} is cut`).toBe(true);
      }
      checked += clusters.length;
    }
    expect(checked).toBeGreaterThan(0);
  });
}
