// The canvas as a new user at 1440x900 met it: building a two-cluster plan, breaking it and
// presenting it. Each test drives the page with the mouse and keyboard and measures what the
// screen shows.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Designer } from './support/designer';

async function viewportOf(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
}

/** Waits until the viewport has stopped moving (fits animate for 300 ms). */
async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewportOf(page);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

interface TextReport {
  zoom: number;
  smallest: { px: number; text: string };
  cut: { text: string; shown: number }[];
  count: number;
}

/**
 * Every name and CIDR drawn on the canvas and in view: its computed font size times the zoom
 * (its size on screen), and the names shown cut, with about how many characters show.
 */
async function textReport(page: Page): Promise<TextReport> {
  return page.evaluate(() => {
    const vp = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(vp).transform).a;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const els = [
      ...document.querySelectorAll<HTMLElement>(
        '.react-flow__node .cc-title, .react-flow__node .cc-chip, .react-flow__node code, .cc-far__label',
      ),
    ].filter((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.right > pane.left &&
        r.left < pane.right &&
        r.bottom > pane.top &&
        r.top < pane.bottom &&
        getComputedStyle(el).visibility !== 'hidden'
      );
    });
    let smallest = { px: Infinity, text: '' };
    const cut: { text: string; shown: number }[] = [];
    for (const el of els) {
      const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (px < smallest.px) smallest = { px, text: el.textContent ?? '' };
      if (el.classList.contains('cc-title') && el.scrollWidth > el.clientWidth + 1) {
        const text = el.textContent ?? '';
        cut.push({ text, shown: Math.floor((text.length * el.clientWidth) / el.scrollWidth) });
      }
    }
    return { zoom, smallest, cut, count: els.length };
  });
}

function expectLegible(r: TextReport, where: string): void {
  expect(r.count, `${where}: text in view`).toBeGreaterThan(5);
  expect(
    r.smallest.px,
    `${where}: smallest text "${r.smallest.text}" at zoom ${r.zoom}`,
  ).toBeGreaterThanOrEqual(11);
  for (const c of r.cut)
    expect(c.shown, `${where}: "${c.text}" cut to ${c.shown} characters`).toBeGreaterThanOrEqual(
      Math.min(12, c.text.length),
    );
}

async function boxOf(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: typeof inner,
) {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

/** Every node on the canvas lies within the canvas's box on screen. */
async function expectAllInView(page: Page, where: string): Promise<void> {
  const pane = await boxOf(page.locator('.react-flow'));
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) expect(inside(b, pane), `${where}: ${b.id} in view`).toBe(true);
}

test('names and CIDRs can be read at every zoom the app picks: opening, Fit View, Tidy up, review', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await settled(page);
  const opening = await textReport(page);
  expect(opening.zoom, 'the sample opens at 75% or more').toBeGreaterThanOrEqual(0.75);
  expectLegible(opening, 'opening');
  await expectAllInView(page, 'opening');

  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(page.getByText('Laid out anew')).toBeVisible();
  await settled(page);
  const tidy = await textReport(page);
  expect(tidy.zoom, 'Tidy up lays the sample out to fit at 75% or more').toBeGreaterThanOrEqual(
    0.75,
  );
  expectLegible(tidy, 'Tidy up');
  await expectAllInView(page, 'Tidy up');

  // Zoomed far out by hand, then Fit View: the app's own zoom again, readable.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settled(page);
  expectLegible(await textReport(page), 'Fit View');

  // A cluster with an error badge keeps its name.
  await d.node('cls-batch').click();
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('172.16.128.0/17');
  await field.blur();
  await expect(d.node('cls-batch')).toHaveAttribute('data-status', 'error');
  expectLegible(await textReport(page), 'cluster with an error');

  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  const count = await review.locator('.cc-review__count').textContent();
  const steps = Number(/of (\d+)/.exec(count ?? '')![1]);
  expect(steps).toBeGreaterThan(3);
  for (let i = 0; i < steps; i++) {
    await expect(review).toContainText(`Step ${i + 1} of`);
    await settled(page);
    expectLegible(await textReport(page), `review step ${i + 1}`);
    await page.keyboard.press('ArrowRight');
  }
});

test('review fits each step’s subject into the canvas its card leaves free', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  const count = await review.locator('.cc-review__count').textContent();
  const steps = Number(/of (\d+)/.exec(count ?? '')![1]);
  let framed = 0;
  for (let i = 0; i < steps; i++) {
    await expect(review).toContainText(`Step ${i + 1} of`);
    await settled(page);
    const card = await boxOf(review);
    const free = { x: 0, y: 48, width: 1440, height: card.y - 48 };
    const path = page.locator('.react-flow__edge .cc-path.is-hovered').first();
    const subjects: Locator[] = [];
    if ((await path.count()) > 0) {
      const edge = page.locator('.react-flow__edge:has(.cc-path.is-hovered)').first();
      const from = await edge.getAttribute('data-from');
      const to = await edge.getAttribute('data-to');
      subjects.push(d.node(from!), d.node(to!));
    }
    const lit = page.locator('.react-flow__node:has(.cc-node.is-highlighted)');
    for (let k = 0; k < (await lit.count()); k++) subjects.push(lit.nth(k));
    for (const s of subjects) {
      const b = await boxOf(s);
      expect(
        inside(b, free),
        `step ${i + 1}: ${await s.getAttribute('data-id')} above the card`,
      ).toBe(true);
      framed++;
    }
    await page.keyboard.press('ArrowRight');
  }
  expect(framed).toBeGreaterThan(steps);
  // Leaving review shows the whole plan again.
  await page.keyboard.press('Escape');
  await expect(review).toHaveCount(0);
  await settled(page);
  await expectAllInView(page, 'after review');
});

test('a path can be hovered anywhere on its line, over a VPC too; its tooltip is screen-sized; the paths panel shows whole explanations', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await settled(page);
  // The middle of cls-prod's path to the internet crosses VPC prod.
  const edge = d.pathEdge('cls-prod', 'internet');
  await expect(edge).toBeVisible();
  const mid = await edge.locator('path.react-flow__edge-path').evaluate((p: SVGPathElement) => {
    const q = p.getPointAtLength(p.getTotalLength() * 0.45);
    const m = p.getScreenCTM()!;
    return { x: q.x * m.a + m.e, y: q.y * m.d + m.f };
  });
  const vpc = await boxOf(d.node('vpc-prod'));
  expect(inside({ ...mid, width: 0, height: 0 }, vpc)).toBe(true);
  await page.mouse.move(mid.x, mid.y);
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Internet');
  const size = await tip.evaluate((el) => ({
    font: parseFloat(getComputedStyle(el).fontSize),
    inBody: el.parentElement === document.body,
    hops: [...el.querySelectorAll('li')].map((li) => li.scrollWidth <= li.clientWidth + 1),
  }));
  expect(size.inBody, 'drawn over the page, not scaled with the canvas').toBe(true);
  expect(size.font).toBeGreaterThanOrEqual(12);
  expect(size.hops.length).toBeGreaterThan(1);
  expect(size.hops.every(Boolean), 'hops shown whole').toBe(true);
  const t = await boxOf(tip);
  expect(inside(t, { x: 0, y: 0, width: 1440, height: 900 })).toBe(true);
  // It follows the pointer, not the label.
  expect(Math.hypot(t.x - mid.x, t.y - mid.y)).toBeLessThan(80);
  await page.mouse.move(5, 450);
  await expect(tip).toHaveCount(0);

  const rows = page.getByRole('region', { name: 'Paths' }).locator('.cc-path-row__msg');
  expect(await rows.count()).toBeGreaterThan(3);
  const cut = await rows.evaluateAll(
    (els) =>
      els.filter(
        (e) => e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis',
      ).length,
  );
  expect(cut, 'explanations cut with …').toBe(0);
});

test('a drag that passes over the overview does not pan the canvas; a drag that starts on it does', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await settled(page);
  const overview = await boxOf(page.getByRole('img', { name: 'Minimap' }));
  const through = { x: overview.x + overview.width / 2, y: overview.y + overview.height / 2 };

  // Resize VPC prod from its bottom-right corner, across the overview and back.
  await d.node('vpc-prod').locator('.cc-vpc__head').click();
  const before = await viewportOf(page);
  const vpcBefore = await boxOf(d.node('vpc-prod'));
  const corner = page.locator(
    '.react-flow__node[data-id="vpc-prod"] .react-flow__resize-control.handle.bottom.right',
  );
  const c = await boxOf(corner);
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(c.x + ((through.x - c.x) * i) / 10, c.y + ((through.y - c.y) * i) / 10);
  await page.mouse.move(c.x + 40, c.y + 20, { steps: 8 });
  await page.mouse.up();
  expect(await viewportOf(page), 'the view stayed where it was').toBe(before);
  const vpcAfter = await boxOf(d.node('vpc-prod'));
  expect(vpcAfter.width).toBeGreaterThan(vpcBefore.width + 20);
  expect(vpcAfter.height).toBeGreaterThan(vpcBefore.height + 10);

  // Drag the internet node across the overview and back.
  const net = await boxOf(d.node('internet'));
  await page.mouse.move(net.x + net.width / 2, net.y + net.height / 2);
  await page.mouse.down();
  await page.mouse.move(through.x, through.y, { steps: 12 });
  await page.mouse.move(net.x + net.width / 2 + 30, net.y + net.height / 2, { steps: 12 });
  await page.mouse.up();
  expect(await viewportOf(page), 'the view stayed where it was').toBe(before);

  // A drag on the overview itself still moves the view.
  await page.mouse.move(overview.x + 20, overview.y + 20);
  await page.mouse.down();
  await page.mouse.move(overview.x + 60, overview.y + 50, { steps: 5 });
  await page.mouse.up();
  expect(await viewportOf(page)).not.toBe(before);
});

test('opening a template, or a file, fits the plan whatever the zoom was', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await settled(page);
  await page.getByRole('button', { name: 'New' }).click();
  await page
    .getByRole('dialog', { name: 'New plan' })
    .locator('[data-template]')
    .filter({ hasText: 'Peered VPCs' })
    .click();
  await expect(page.locator('.cc-plan-name')).toHaveText('Peered VPCs');
  await settled(page);
  await expectAllInView(page, 'template');
  expectLegible(await textReport(page), 'template');

  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await settled(page);
  const text = readFileSync('src/app/templates/two-clusters-one-vpc.plan.json', 'utf8');
  await page.getByLabel('Open plan').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText('Opened')).toBeVisible();
  await settled(page);
  await expectAllInView(page, 'file');
});

test('containers hold their children: a subnet dropped at a VPC’s edge grows it, a VPC cannot be resized smaller than its contents', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.1, fy: 0.1 });
  const [vpcId] = await d.idsOf('vpc');
  const vpc = d.node(vpcId!);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settled(page);
  await d.drop('Subnet', vpc, { fx: 0.97, fy: 0.95 });
  await expect(d.nodesOfKind('subnet')).toHaveCount(1);
  const subnet = d.nodesOfKind('subnet').first();
  await expect.poll(async () => inside(await boxOf(subnet), await boxOf(vpc))).toBe(true);
  // The whole VPC in view, its corner clear of the overview.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await settled(page);

  // Drag the VPC's bottom-right corner up and left, past the subnet.
  await vpc.locator('.cc-vpc__head').click();
  const corner = vpc.locator('.react-flow__resize-control.handle.bottom.right');
  const c = await boxOf(corner);
  const s = await boxOf(subnet);
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(s.x + 20, s.y + 20, { steps: 10 });
  await page.mouse.up();
  expect(inside(await boxOf(subnet), await boxOf(vpc)), 'the subnet is still inside').toBe(true);
});

test('a second cluster dropped on the first gets its own node subnet and its own spot, without errors', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.05, fy: 0.1 });
  const [vpcId] = await d.idsOf('vpc');
  const vpc = d.node(vpcId!);
  await d.drop('Subnet', vpc, { fx: 0.1, fy: 0.2 });
  await d.drop('TKE cluster', vpc, { fx: 0.6, fy: 0.4 });
  await expect(d.nodesOfKind('cluster')).toHaveCount(1);
  const first = await boxOf(d.nodesOfKind('cluster').first());
  await d.paletteItem('TKE cluster').dragTo(d.nodesOfKind('cluster').first(), {
    targetPosition: { x: first.width / 2, y: first.height / 2 },
  });
  await expect(d.nodesOfKind('cluster')).toHaveCount(2);
  await d.waitValidated();
  await expect(d.problems).not.toContainText('NODE_SUBNET_MISSING');
  await expect(d.problems.locator('[data-count="error"]')).toContainText('0 errors');
  for (const id of await d.idsOf('cluster'))
    await expect(d.node(id)).toHaveAttribute('data-status', 'ok');
  const [a, b] = await Promise.all([
    boxOf(d.nodesOfKind('cluster').nth(0)),
    boxOf(d.nodesOfKind('cluster').nth(1)),
  ]);
  const apart =
    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  expect(apart, 'the clusters do not overlap').toBe(true);
  await expect(d.nodesOfKind('subnet')).toHaveCount(2);
});

test('peering by dragging: a connect dot of a usable size, and a drop on a subnet peers with its VPC', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.03, fy: 0.05 });
  await d.drop('VPC', d.pane, { fx: 0.55, fy: 0.55 });
  await expect(d.nodesOfKind('vpc')).toHaveCount(2);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settled(page);
  const [a, b] = await d.idsOf('vpc');
  await d.drop('Subnet', d.node(b!), { fx: 0.3, fy: 0.4 });
  await expect(d.nodesOfKind('subnet')).toHaveCount(1);
  await d.node(a!).locator('.cc-vpc__head').hover();
  const dot = d.node(a!).locator('.cc-handle-connect');
  await expect(dot).toBeVisible();
  const db = await boxOf(dot);
  expect(Math.min(db.width, db.height), 'connect dot on screen').toBeGreaterThanOrEqual(14);
  const target = await boxOf(d.nodesOfKind('subnet').first());
  await page.mouse.move(db.x + db.width / 2, db.y + db.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByText(/^Peered /)).toBeVisible();
  await expect(page.locator('.react-flow__edge .cc-link--peering')).toHaveCount(1);
});
