// Review mode in a meeting room at 1280x720: every step's subject above the card at a steady,
// legible zoom; a large plan's hundreds of steps cut into sections, filtered and listed; and the
// card speaking in names and sentences.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generatePlan } from '../bench/generate';
import { Designer } from './support/designer';
import { openPlan } from './support/search';

const sample = JSON.parse(
  readFileSync(new URL('../src/app/templates/sample.plan.json', import.meta.url), 'utf8'),
) as {
  clusters: { id: string; name: string; containerCidr: string }[];
  routeTables: { id: string; routes: { destination: string; target: string }[] }[];
};

const card = (page: Page) => page.getByRole('dialog', { name: 'Review' });
const reviewButton = (page: Page) => page.getByRole('button', { name: 'Review', exact: true });

/** The review's own framing: a margin kept around the subject, as src/canvas/framing.ts. */
const MARGIN = 48;
const LEGIBLE_ZOOM = 0.4;

async function stepCount(page: Page): Promise<number> {
  const text = (await card(page).locator('.cc-review__count').textContent()) ?? '';
  return Number(/of ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''));
}

async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await page
        .locator('.react-flow__viewport')
        .evaluate((el) => getComputedStyle(el).transform);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

interface Shot {
  zoom: number;
  pane: { top: number; left: number; right: number; bottom: number };
  cardTop: number;
  summary: boolean;
  subjects: {
    id: string;
    top: number;
    left: number;
    right: number;
    bottom: number;
    titlePx: number;
  }[];
  smallestCardPx: { px: number; text: string };
}

/** What the screen shows of the step: the zoom, the card, and each subject's box and name size. */
async function shot(page: Page): Promise<Shot> {
  return page.evaluate(() => {
    const vp = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(vp).transform).a;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cardEl = document.querySelector('.cc-review')!;
    const ids = new Set<string>();
    for (const n of document.querySelectorAll('.react-flow__node:has(.cc-node.is-highlighted)'))
      ids.add(n.getAttribute('data-id')!);
    const edge = document.querySelector('.react-flow__edge:has(.cc-path.is-hovered)');
    for (const end of ['data-from', 'data-to']) {
      const id = edge?.getAttribute(end);
      if (id) ids.add(id);
    }
    const subjects = [...ids].flatMap((id) => {
      const n = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      if (!n) return [];
      const r = n.getBoundingClientRect();
      const title = n.querySelector('.cc-title, .cc-far__label');
      const titlePx = title ? parseFloat(getComputedStyle(title).fontSize) * zoom : 0;
      return [{ id, top: r.top, left: r.left, right: r.right, bottom: r.bottom, titlePx }];
    });
    let smallest = { px: Infinity, text: '' };
    const walker = document.createTreeWalker(cardEl, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement!;
      if (!t.textContent?.trim() || el.getBoundingClientRect().width === 0) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < smallest.px) smallest = { px, text: t.textContent.trim() };
    }
    return {
      zoom,
      pane: { top: pane.top, left: pane.left, right: pane.right, bottom: pane.bottom },
      cardTop: cardEl.getBoundingClientRect().top,
      summary: cardEl.classList.contains('cc-review--summary'),
      subjects,
      smallestCardPx: smallest,
    };
  });
}

/** The sample with two findings: batch-tke's container CIDR typed over VPC prod. */
function brokenSample() {
  const plan = structuredClone(sample);
  plan.clusters.find((c) => c.id === 'cls-batch')!.containerCidr = '10.0.128.0/18';
  return plan;
}

test('at 1280x720 each step frames its subject above the card, at a steady zoom where names read', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const d = new Designer(page);
  await d.open();
  await openPlan(page, 'broken.plan.json', brokenSample());
  await d.waitValidated();
  await reviewButton(page).click();
  const of = await stepCount(page);
  expect(of).toBeGreaterThan(10);
  let previous: { zoom: number; fitsAtLegible: boolean } | null = null;
  let framed = 0;
  const zooms: number[] = [];
  for (let i = 1; i <= of; i++) {
    await expect(card(page).locator('.cc-review__count')).toContainText(`Step ${i} of`);
    await settled(page);
    const s = await shot(page);
    expect(s.smallestCardPx.px, `step ${i}: "${s.smallestCardPx.text}"`).toBeGreaterThanOrEqual(14);
    if (!s.summary) {
      zooms.push(+s.zoom.toFixed(3));
      expect(s.subjects.length, `step ${i} has a subject on the canvas`).toBeGreaterThan(0);
      // The free area above the card, and the subject's size in it at the legible zoom.
      const area = {
        width: s.pane.right - s.pane.left - 2 * MARGIN,
        height: s.cardTop - s.pane.top - 2 * MARGIN,
      };
      const w =
        Math.max(...s.subjects.map((b) => b.right)) - Math.min(...s.subjects.map((b) => b.left));
      const h =
        Math.max(...s.subjects.map((b) => b.bottom)) - Math.min(...s.subjects.map((b) => b.top));
      const fitsAtLegible =
        (w / s.zoom) * LEGIBLE_ZOOM <= area.width && (h / s.zoom) * LEGIBLE_ZOOM <= area.height;
      for (const b of s.subjects) {
        const where = `step ${i}: ${b.id} at zoom ${s.zoom.toFixed(2)}`;
        expect(b.top, `${where} below the canvas's top`).toBeGreaterThanOrEqual(s.pane.top - 1);
        expect(b.left, `${where} inside on the left`).toBeGreaterThanOrEqual(s.pane.left - 1);
        expect(b.right, `${where} inside on the right`).toBeLessThanOrEqual(s.pane.right + 1);
        expect(b.bottom, `${where} above the card`).toBeLessThanOrEqual(s.cardTop + 1);
        if (fitsAtLegible)
          expect(b.titlePx, `${where}: its name on screen`).toBeGreaterThanOrEqual(14);
        framed++;
      }
      // Small steps from one zoom to the next, unless a subject cannot be shown whole and legible.
      if (previous && previous.fitsAtLegible && fitsAtLegible) {
        const ratio = Math.max(s.zoom / previous.zoom, previous.zoom / s.zoom);
        expect(ratio, `step ${i}: zoom ${previous.zoom} then ${s.zoom}`).toBeLessThanOrEqual(1.6);
      }
      previous = { zoom: s.zoom, fitsAtLegible };
    }
    await page.keyboard.press('PageDown');
  }
  expect(framed).toBeGreaterThan(of);
  // Steady: the walk uses a handful of zooms, not a new one at every step.
  expect(new Set(zooms).size, `zooms ${zooms.join(' ')}`).toBeLessThanOrEqual(4);
});

test('a path step says its cluster by name and its reason in a sentence; terms explained on hover', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  // No route back from the shared VPC: prod's pods cannot reach billing-db.
  const broken = structuredClone(sample);
  const rtb = broken.routeTables.find((t) => t.id === 'rtb-prod')!;
  rtb.routes = rtb.routes.filter((r) => r.target !== 'pcx-prod-shared');
  await openPlan(page, 'broken.plan.json', broken);
  await d.waitValidated();
  await reviewButton(page).click();
  // Straight to the unreachable paths.
  await card(page).getByRole('button', { name: 'Only errors and unreachable paths' }).click();
  await page.keyboard.press('PageDown');
  const c = card(page);
  await expect(c.locator('.cc-review__path')).toBeVisible();
  await expect(c.locator('.cc-review__kicker')).toContainText(/Path \d+ of \d+ from prod-tke/);
  await expect(c).not.toContainText('cls-prod');
  await expect(c.locator('.cc-review__why')).toHaveText(/^No route (there|back): \S/);
  // The code is still there for whoever looks it up, on hover.
  await expect(c.locator('.cc-review__reason')).toHaveAttribute('title', /^NO_/);

  // A SNAT step explains the term it uses.
  await card(page).getByRole('button', { name: 'Only errors and unreachable paths' }).click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('PageDown');
    if ((await c.locator('.cc-review__why', { hasText: 'are outside' }).count()) > 0) break;
  }
  const term = c.locator('.cc-term', { hasText: 'non-masquerade' });
  await expect(term).toHaveAttribute('title', /pod IPs/);
  await expect(c.locator('.cc-review__why')).toContainText(/are outside the cluster/);
});

test('a 1,500-object plan: sections with counts, only errors and unreachable paths, a step list to click', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const d = new Designer(page);
  await d.open();
  // 23 clusters, every one's paths to every resource: thousands of steps.
  const plan = generatePlan(1500, 7);
  await openPlan(page, 'generated-1500.json', plan, 90_000);
  await d.waitValidated();
  await reviewButton(page).click();
  const c = card(page);
  // Review mode asks for every cluster's paths; the count grows when they arrive, as a person
  // watching it would see.
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(1000);
  const all = await stepCount(page);

  const stepsButton = c.getByRole('button', { name: 'Steps' });
  await stepsButton.click();
  const sections = c.getByRole('navigation', { name: 'Sections' }).getByRole('button');
  await expect(sections.first()).toBeVisible();
  const labels = await sections.allTextContents();
  // The findings by severity and the paths cluster by cluster, each with its count.
  expect(labels.filter((l) => /^Paths from \S+ [\d,]+$/.test(l))).toHaveLength(
    plan.clusters.length,
  );
  expect(labels.some((l) => /^Errors [\d,]+$/.test(l))).toBe(true);
  const counted = labels.reduce(
    (n, l) => n + Number(/([\d,]+)$/.exec(l)?.[1]?.replace(/,/g, '') ?? 0),
    0,
  );
  expect(counted).toBe(all);

  // A section's jump button goes to its first step; the list shows that section.
  const third = plan.clusters[2]!;
  const jump = sections.filter({ hasText: `Paths from ${third.name ?? third.id} ` });
  await jump.click();
  await expect(c.locator('.cc-review__section')).toContainText(
    `Paths from ${third.name ?? third.id} · 1 of`,
  );
  await expect(c.locator('.cc-review__kicker')).toContainText(`from ${third.name ?? third.id}`);
  const list = c.getByRole('listbox', { name: 'Steps' });
  const first = Number(
    (await list.locator('[aria-selected="true"] .cc-review__option-n').textContent())?.replace(
      /,/g,
      '',
    ),
  );

  // Clicking a step in the list goes there, and the list closes on it.
  const pick = list.getByRole('option').nth(5);
  const text = (await pick.locator('.cc-review__option-text').textContent()) ?? '';
  await pick.click();
  await expect(list).toHaveCount(0);
  await expect(c.locator('.cc-review__count')).toHaveText(
    `Step ${(first + 5).toLocaleString('en-US')} of ${all.toLocaleString('en-US')}`,
  );
  await expect(c.locator('.cc-review__lead')).toHaveText(text);

  // The filter cuts the walk to errors and unreachable paths.
  const filter = c.getByRole('button', { name: 'Only errors and unreachable paths' });
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  const urgent = await stepCount(page);
  expect(urgent).toBeLessThan(all);
  expect(urgent).toBeGreaterThan(1);
  await stepsButton.click();
  await expect(list.getByRole('option').first()).toBeVisible();
  await expect(
    list.locator('[data-verdict="warning"], [data-verdict="snat"], [data-verdict="direct"]'),
  ).toHaveCount(0);
  await stepsButton.click();
  await page.keyboard.press('Home');
  for (let i = 2; i <= 6; i++) {
    await page.keyboard.press('PageDown');
    await expect(c.locator('.cc-review__count')).toHaveText(
      `Step ${i} of ${urgent.toLocaleString('en-US')}`,
    );
    const finding = c.locator('.cc-review__finding');
    if ((await finding.count()) > 0) await expect(finding).toHaveClass(/cc-finding--error/);
    else await expect(c.locator('.cc-review__kicker .cc-verdict--unreachable')).toBeVisible();
  }
});
