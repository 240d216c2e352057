// Paths at scale: the paths panel filters by verdict and by what the paths go to, worst first,
// and the canvas draws exactly what the list shows, up to a cap; the node-subnet picker of a
// cluster filters its checkboxes; and on a 1280 × 720 laptop the overview covers no object and
// the panel's controls stay inside it.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Designer } from './support/designer';
import { gridPlan } from './support/plans';
import { openPlan } from './support/search';

const paths = (page: Page) => page.getByRole('region', { name: 'Paths' });
const rows = (page: Page) => paths(page).locator('.cc-path-row');
/** Path lines on the canvas (links between objects carry a kind, paths a verdict). */
const lines = (page: Page) => page.locator('.react-flow__edge[data-verdict]');
const chip = (page: Page, verdict: string) =>
  paths(page).getByRole('group', { name: 'Filter paths' }).locator(`[data-verdict="${verdict}"]`);

async function countOn(chipEl: Locator): Promise<number> {
  return Number((await chipEl.innerText()).replace(/[^\d]/g, ''));
}

test('the verdict chips and the target filter narrow the list and the lines drawn alike, worst first', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'All paths' }).click();
  await expect(d.pathEdge('cls-batch', 'idc-sh')).toHaveAttribute('data-verdict', 'unreachable');
  const total = await rows(page).count();
  expect(total).toBeGreaterThan(5);
  await expect(lines(page)).toHaveCount(total);
  // Worst first: every unreachable row above every SNAT row, every SNAT row above every direct.
  const order = await rows(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-verdict')),
  );
  const rank = { unreachable: 0, snat: 1, direct: 2 } as Record<string, number>;
  expect(order.map((v) => rank[v!])).toEqual([...order.map((v) => rank[v!])].sort());
  expect(new Set(order).size, 'the sample shows all three verdicts').toBe(3);

  const unreachable = chip(page, 'unreachable');
  const n = await countOn(unreachable);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  await unreachable.click();
  await expect(unreachable).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(n);
  await expect(rows(page).and(page.locator('[data-verdict="unreachable"]'))).toHaveCount(n);
  await expect(lines(page)).toHaveCount(n);
  await expect(page.locator('.react-flow__edge[data-verdict="unreachable"]')).toHaveCount(n);

  // Adding SNAT shows both; the chip counts add up to what is listed.
  const snat = chip(page, 'snat');
  const s = await countOn(snat);
  await snat.click();
  await expect(rows(page)).toHaveCount(n + s);
  await expect(lines(page)).toHaveCount(n + s);
  await expect(page.locator('.react-flow__edge[data-verdict="direct"]')).toHaveCount(0);

  // Only the paths to IDCs, of those verdicts.
  await paths(page).getByLabel('Paths to').selectOption('idc');
  const toIdc = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-to')));
  expect(toIdc.length).toBeGreaterThan(0);
  expect(new Set(toIdc)).toEqual(new Set(['idc-sh']));
  await expect(lines(page)).toHaveCount(toIdc.length);

  // Cleared, everything is back.
  await unreachable.click();
  await snat.click();
  await paths(page).getByLabel('Paths to').selectOption('all');
  await expect(rows(page)).toHaveCount(total);
  await expect(lines(page)).toHaveCount(total);
});

test('a filter that matches nothing says so and offers to clear it', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  // prod-tke is selected on first run; none of its paths is unreachable.
  await expect(chip(page, 'unreachable')).toContainText('0 unreachable');
  await chip(page, 'unreachable').click();
  await expect(paths(page)).toContainText('No paths match the filter.');
  await expect(lines(page)).toHaveCount(0);
  await paths(page).getByRole('button', { name: 'Clear the filter' }).click();
  await expect(rows(page).first()).toBeVisible();
  await expect(chip(page, 'unreachable')).toHaveAttribute('aria-pressed', 'false');
});

test('a cluster with hundreds of paths draws the first 50, worst first, and more on request', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  // Ten VPCs of 24 resources: one cluster reaches 240 resources, 19 clusters and the internet.
  await openPlan(page, 'ten-vpcs.json', gridPlan(370));
  await d.waitValidated();
  await d.node('cls-0-0').click({ position: { x: 20, y: 10 } });
  const cap = paths(page).getByRole('status');
  await expect(cap).toContainText(/Drawing the first 50 of 2\d\d paths/);
  // Lines to many resources of one subnet are bundled; each says how many paths it stands for.
  const drawn = (verdict: string) =>
    page
      .locator(`.react-flow__edge[data-verdict="${verdict}"]`)
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count') ?? 1), 0));
  const u = await countOn(chip(page, 'unreachable'));
  const s = await countOn(chip(page, 'snat'));
  const worstFirst = async (limit: number) => {
    const du = Math.min(u, limit);
    const ds = Math.min(s, limit - du);
    await expect.poll(() => drawn('unreachable')).toBe(du);
    await expect.poll(() => drawn('snat')).toBe(ds);
    await expect.poll(() => drawn('direct')).toBe(limit - du - ds);
  };
  await worstFirst(50);
  await cap.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(cap).toContainText(/Drawing the first 100 of/);
  await worstFirst(100);
  // A chip filters the lines drawn too.
  await chip(page, 'direct').click();
  await expect.poll(() => drawn('direct')).toBeGreaterThan(0);
  await expect(page.locator('.react-flow__edge[data-verdict="snat"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[data-verdict="unreachable"]')).toHaveCount(0);
});

test('the list walks with the keyboard and lights the line of the focused row', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'All paths' }).click();
  await expect(rows(page).first()).toHaveAttribute('data-verdict', 'unreachable');
  await paths(page).getByLabel('Paths to').focus();
  await page.keyboard.press('Tab');
  const first = rows(page).first();
  await expect(first).toBeFocused();
  const lit = (row: Locator) =>
    row.evaluate((el) => {
      const sel = `.react-flow__edge[data-from="${el.getAttribute('data-from')}"][data-to="${el.getAttribute('data-to')}"] .cc-path`;
      return document.querySelector(sel)?.classList.contains('is-hovered') ?? false;
    });
  await expect.poll(() => lit(first)).toBe(true);
  await page.keyboard.press('ArrowDown');
  const second = rows(page).nth(1);
  await expect(second).toBeFocused();
  await expect.poll(() => lit(second)).toBe(true);
  await expect.poll(() => lit(first)).toBe(false);
  // A focus ring shows where the keyboard is.
  const ring = await second.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
});

test('the node-subnet picker of a cluster filters its checkboxes and selects what it shows', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const subnets = Array.from({ length: 30 }, (_, i) => ({
    id: `sn-${i}`,
    name: `nodes-${i}`,
    vpc: 'vpc-a',
    cidr: `10.0.${i}.0/24`,
    zone: 'ap-guangzhou-3',
  }));
  await openPlan(page, 'many-subnets.json', {
    format: 'cidr-canvas/plan',
    version: 1,
    vpcs: [{ id: 'vpc-a', name: 'a', region: 'ap-guangzhou', cidr: '10.0.0.0/16' }],
    subnets,
    clusters: [
      {
        id: 'cls-a',
        name: 'tke-a',
        vpc: 'vpc-a',
        nodeSubnets: ['sn-0'],
        containerCidr: '172.16.0.0/16',
      },
    ],
    resources: [],
    natGateways: [],
    peerings: [],
    ccns: [],
    idcs: [],
    routeTables: [],
  });
  await d.node('cls-a').click({ position: { x: 20, y: 10 } });
  const picker = d.inspector.getByRole('group', { name: 'Node subnets' });
  await expect(picker.getByRole('checkbox')).toHaveCount(30);
  await picker.getByRole('searchbox', { name: 'Filter node subnets' }).fill('nodes-1');
  // nodes-1 and nodes-10 … nodes-19.
  await expect(picker.getByRole('checkbox')).toHaveCount(11);
  await expect(picker).toContainText('11 of 30 shown');
  await picker.getByRole('button', { name: 'Select shown (11)' }).click();
  await expect(picker).toContainText('12 chosen');
  await picker.getByRole('searchbox', { name: 'Filter node subnets' }).fill('10.0.2.');
  await expect(picker.getByRole('checkbox')).toHaveCount(1);
  await expect(picker.getByRole('checkbox', { name: 'nodes-2 (10.0.2.0/24)' })).not.toBeChecked();
  // Every chosen subnet is tied to the cluster on the canvas.
  await expect(page.locator('.react-flow__edge[data-kind="node-subnet"]')).toHaveCount(12);
  await picker.getByRole('searchbox', { name: 'Filter node subnets' }).fill('');
  await expect(picker.getByRole('checkbox')).toHaveCount(30);
  await expect(picker.getByRole('checkbox', { checked: true })).toHaveCount(12);
});

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the overview covers no object in the first view and Show all paths stays in its panel', async ({
    page,
  }) => {
    const d = new Designer(page);
    await d.open();
    const overview = page.locator('.cc-overview');
    await expect(overview).toBeVisible();
    const map = (await overview.boundingBox())!;
    // The view settles after the first fit.
    await expect
      .poll(async () => {
        const boxes = await page
          .locator('.react-flow__node')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
        return boxes.filter(
          (b) =>
            b.x < map.x + map.width &&
            map.x < b.x + b.width &&
            b.y < map.y + map.height &&
            map.y < b.y + b.height,
        ).length;
      })
      .toBe(0);
    // And after Fit View.
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.waitForTimeout(400);
    const after = await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(after.length).toBeGreaterThan(10);
    for (const b of after)
      expect(
        b.x >= map.x + map.width ||
          map.x >= b.x + b.width ||
          b.y >= map.y + map.height ||
          map.y >= b.y + b.height,
      ).toBe(true);

    const panel = (await paths(page).boundingBox())!;
    const toggle = (await paths(page).locator('.cc-switch').boundingBox())!;
    expect(toggle.x).toBeGreaterThanOrEqual(panel.x);
    expect(toggle.x + toggle.width).toBeLessThanOrEqual(panel.x + panel.width);
    const label = paths(page).getByText('Show all paths');
    const fits = await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits, 'the label is not cut').toBe(true);
    await paths(page).getByRole('checkbox', { name: 'Show all paths' }).check();
    await expect(d.pathEdge('cls-batch', 'idc-sh')).toHaveCount(1);
    // Rows wrap in the narrow panel: no reason or explanation runs out of sight.
    const list = (await paths(page).locator('.cc-path-list').boundingBox())!;
    const past = await paths(page)
      .locator('.cc-path-row > *')
      .evaluateAll(
        (els, right) => els.filter((e) => e.getBoundingClientRect().right > right + 1).length,
        list.x + list.width,
      );
    expect(past).toBe(0);
    // The filter's controls too.
    for (const el of await paths(page)
      .getByRole('group', { name: 'Filter paths' })
      .locator('button, select')
      .all()) {
      const b = (await el.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
  });
});
