// Every screen and dialog passes axe-core with no serious or critical violation: contrast,
// labels, roles. Each test opens what it checks the way a person would.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';

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
