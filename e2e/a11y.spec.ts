// Every screen and dialog passes axe-core with no serious or critical violation: contrast,
// labels, roles. Each test opens what it checks the way a person would.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';
import { gridPlan } from './support/plans';
import { openPlan } from './support/search';

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} at ${n.target.join(' ')}: ${(n.any[0]?.message ?? n.failureSummary) || ''}`,
      ),
    );
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await violations(page), what).toEqual([]);
}

test('the main screen with the sample plan', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await expect(d.inspector.getByText('prod-tke').first()).toBeVisible();
  await expectAccessible(page, 'main screen, prod-tke selected');
});

test('the New plan dialog reads as dark text on white and passes', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await expect(dialog.getByRole('button', { name: /Peered VPCs/ })).toBeVisible();
  // The bug a user saw: the title took the toolbar's light grey.
  const title = dialog.getByRole('heading', { name: 'New plan' });
  await expect(title).toHaveCSS('color', 'rgb(15, 23, 42)');
  await expectAccessible(page, 'New plan dialog');
});

test('the Share dialog', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveValue(/#plan=/);
  await expect(dialog.getByRole('heading', { name: 'Share link' })).toHaveCSS(
    'color',
    'rgb(15, 23, 42)',
  );
  await expectAccessible(page, 'Share dialog');
});

test('the error after opening a file that is not a plan', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByLabel('Open plan').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "cidr-canvas/plan", "version": 1, "vpcs": [{"id": 3}]}'),
  });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'broken.json cannot be opened',
  );
  await expectAccessible(page, 'open error');
});

test('the help overlay and the export menu', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page, 'help overlay');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem', { name: /Terraform/ })).toBeVisible();
  await expectAccessible(page, 'export menu');
});

test('the inspector of every kind of object', async ({ page }) => {
  test.setTimeout(150_000);
  const d = new Designer(page);
  await d.open();
  const header = (text: string) =>
    expect(d.inspector.locator('.cc-inspector__title')).toContainText(text);
  const kinds: ReadonlyArray<[string, string, { x: number; y: number } | undefined]> = [
    ['vpc-prod', 'VPC · vpc-prod', { x: 60, y: 8 }],
    ['sn-nodes', 'Subnet · sn-nodes', { x: 60, y: 8 }],
    ['cls-prod', 'Cluster · cls-prod', undefined],
    ['db-orders', 'Resource · db-orders', undefined],
    ['nat-egress', 'NAT gateway · nat-egress', undefined],
    ['idc-sh', 'IDC · idc-sh', undefined],
  ];
  for (const [id, text, position] of kinds) {
    await d.node(id).click(position ? { position } : {});
    await header(text);
    await expectAccessible(page, `inspector of ${id}`);
  }
  await d.node('internet').click();
  await expect(d.inspector.getByRole('heading', { name: 'Internet' })).toBeVisible();
  await expectAccessible(page, 'inspector of the internet');
  // A CCN and a VPC-CNI cluster, added from the palette.
  await d.pane.click({ position: { x: 30, y: 30 } });
  await d.paletteItem('CCN').click();
  await header('CCN · ');
  await expectAccessible(page, 'inspector of a CCN');
  await d.node('vpc-prod').click({ position: { x: 60, y: 8 } });
  await d.paletteItem('VPC-CNI cluster').click();
  await header('Cluster · ');
  await expect(d.inspector.getByRole('combobox', { name: 'Mode' })).toHaveValue('vpc-cni');
  await expectAccessible(page, 'inspector of a VPC-CNI cluster');
});

test('the inspector of a route table opened from a route problem, with its fixes', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('vpc-prod').click({ position: { x: 60, y: 8 } });
  const table = d.inspector.getByRole('region', { name: 'Route table prod-main' });
  await table.getByRole('button', { name: 'Add route' }).click();
  const dest = table.getByLabel('Destination').last();
  await dest.fill('172.16.8.0/24');
  await dest.blur();
  await d.problems.locator('[data-code="ROUTE_INSIDE_CLUSTER_CIDR"]').click();
  await expect(
    d.inspector.getByRole('group', { name: 'Problem with route 172.16.8.0/24' }),
  ).toBeVisible();
  await expectAccessible(page, 'route table inspector with a route problem');
});

test('review mode, on its summary, a finding and a path', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  // A conflict, so that there is a finding to step through.
  await d.node('cls-batch').click();
  const cidr = d.inspector.getByLabel('Container CIDR');
  await cidr.fill('10.0.128.0/18');
  await cidr.press('Enter');
  await d.waitValidated();
  await d.node('cls-prod').click();
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  await expect(review).toContainText('Step 1 of');
  await expectAccessible(page, 'review summary');
  await page.keyboard.press('ArrowRight');
  await expect(review).toContainText('CLUSTER_CIDR_OVERLAPS_VPC');
  await expectAccessible(page, 'review finding');
  await page.keyboard.press('End');
  await expect(review).toContainText('Path');
  await expectAccessible(page, 'review path');
});

test('the read-only view of a share link', async ({ page, context }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  const shared = await context.newPage();
  await shared.goto(link);
  await expect(shared.getByRole('status', { name: 'Shared plan' })).toContainText('read-only');
  await expect(shared.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  await expectAccessible(shared, 'shared view');
});

/** Every violation, whatever its impact: the screens a meeting sees most must have none. */
async function allViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}`),
  );
}

test('no violation of any impact on the main screen, in review mode and on a 5,000-object plan', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const d = new Designer(page);
  await d.open();
  await expect(d.inspector.getByText('prod-tke').first()).toBeVisible();
  expect(await allViolations(page), 'main screen').toEqual([]);
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  await expect(review).toContainText('Step 1 of');
  expect(await allViolations(page), 'review summary').toEqual([]);
  await page.keyboard.press('End');
  await expect(review).toContainText('Path');
  expect(await allViolations(page), 'review, a path').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(review).toHaveCount(0);

  await openPlan(page, 'generated-5k.json', gridPlan(5000), 60_000);
  await expect(page.getByRole('note').filter({ hasText: 'Large plan' })).toBeVisible();
  await d.waitValidated();
  await d.node('cls-0-0').click({ position: { x: 20, y: 10 } });
  await expect(page.locator('.react-flow__edge[data-verdict]').first()).toBeVisible();
  expect(await allViolations(page), '5k plan, a cluster selected').toEqual([]);
});

test('the keyboard reaches a canvas object, sees a focus ring and hears its name', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  // Path lines are named too (prod-tke is selected on first run).
  await expect(d.pathEdge('cls-prod', 'db-orders')).toHaveAccessibleName(
    'path prod-tke to orders-db: pod IP kept',
  );
  // Start from an empty spot of the canvas, then Tab through its objects to the subnet nodes-gz4.
  await d.pane.click({ position: { x: 10, y: 10 } });
  const focused = page.locator(':focus');
  let id = '';
  for (let i = 0; i < 30 && id !== 'sn-batch'; i++) {
    await page.keyboard.press('Tab');
    id = (await focused.getAttribute('data-id').catch(() => null)) ?? '';
  }
  expect(id, 'Tab reaches the subnet').toBe('sn-batch');
  await expect(focused).toHaveAccessibleName('subnet nodes-gz4 10.0.2.0/24');
  const ring = await focused.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  expect(
    (ring.style !== 'none' && ring.width >= 2) || ring.shadow !== 'none',
    `a visible focus ring, got ${JSON.stringify(ring)}`,
  ).toBe(true);
  // Every object on the canvas has a name of its own, not "node".
  const unnamed = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.filter((e) => !e.getAttribute('aria-label')).length);
  expect(unnamed).toBe(0);
  await expect(d.node('cls-prod')).toHaveAccessibleName('cluster prod-tke 172.16.0.0/16');
  await expect(d.node('internet')).toHaveAccessibleName('Internet');
  // Enter selects the focused object, as a click would.
  await page.keyboard.press('Enter');
  await expect(d.inspector.locator('.cc-inspector__title')).toContainText('Subnet · sn-batch');
});

test('the hidden file input is no tab stop and empty states read at 4.5:1', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await expect(page.getByLabel('Open plan')).toHaveAttribute('tabindex', '-1');
  // Tab from the Open button goes to the next visible control, not to an invisible input.
  await page.getByRole('button', { name: 'Open', exact: true }).focus();
  await page.keyboard.press('Tab');
  // The next stop is the toolbar's next button, not the file input hidden behind Open.
  await expect(page.locator(':focus')).not.toHaveAttribute('type', 'file');
  await expect(page.locator(':focus')).toHaveText(/Compare|Import/);
  await d.pane.click({ position: { x: 10, y: 10 } });
  const empty = page.getByRole('region', { name: 'Paths' }).locator('.cc-empty');
  await expect(empty).toContainText('Select a cluster');
  const ratio = await empty.evaluate((el) => {
    const rgb = (c: string) =>
      c
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    let bg = 'rgb(255, 255, 255)';
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const [a, b] = [lum(getComputedStyle(el).color), lum(bg)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
  expect(ratio).toBeGreaterThanOrEqual(4.5);
});
