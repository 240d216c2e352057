import { expect, test } from '@playwright/test';
import { Designer } from './support/designer';
import { exportAs } from './support/export';

const NO_LAYOUT = {
  format: 'cidr-canvas/plan',
  version: 1,
  name: 'from a script',
  vpcs: [
    { id: 'vpc-a', name: 'apps', cidr: '10.20.0.0/16' },
    { id: 'vpc-b', name: 'data', cidr: '10.21.0.0/16' },
  ],
  subnets: [
    { id: 'sn-1', vpc: 'vpc-a', cidr: '10.20.1.0/24' },
    { id: 'sn-2', vpc: 'vpc-a', cidr: '10.20.2.0/24' },
    { id: 'sn-3', vpc: 'vpc-b', cidr: '10.21.1.0/24' },
  ],
  clusters: [{ id: 'cls-a', vpc: 'vpc-a', nodeSubnets: ['sn-1'], containerCidr: '172.20.0.0/16' }],
  resources: [
    { id: 'db-1', kind: 'cdb', subnet: 'sn-2', ip: '10.20.2.10' },
    { id: 'db-2', kind: 'redis', subnet: 'sn-2', ip: '10.20.2.11' },
    { id: 'db-3', kind: 'cdb', subnet: 'sn-3', ip: '10.21.1.10' },
  ],
  peerings: [{ id: 'pcx', vpcs: ['vpc-a', 'vpc-b'] }],
  idcs: [{ id: 'idc', vpc: 'vpc-a', cidrs: ['192.168.0.0/16'] }],
};

test('export the plan as JSON and open it again: the same plan comes back', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  const json = await exportAs(page, 'Plan \\(JSON\\)');
  expect(json.name).toBe('Guangzhou-production.cidr-plan.json');
  const exported = JSON.parse(json.bytes.toString()) as {
    format: string;
    clusters: unknown[];
    layout: Record<string, unknown>;
  };
  expect(exported.format).toBe('cidr-canvas/plan');
  const before = await page.evaluate(() =>
    JSON.stringify(
      (
        window as unknown as { cidrCanvas: { store: { getState(): { plan: unknown } } } }
      ).cidrCanvas.store.getState().plan,
    ),
  );
  await d.newPlan();
  await page
    .getByLabel('Open plan')
    .setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
  await expect(d.node('cls-prod')).toBeVisible();
  const after = await page.evaluate(() =>
    JSON.stringify(
      (
        window as unknown as { cidrCanvas: { store: { getState(): { plan: unknown } } } }
      ).cidrCanvas.store.getState().plan,
    ),
  );
  expect(JSON.parse(after)).toEqual(JSON.parse(before));
});

test('a plan without a layout opens laid out, every child inside its parent', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByLabel('Open plan').setInputFiles({
    name: 'script.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(NO_LAYOUT)),
  });
  await expect(d.node('db-3')).toBeVisible();
  await page.getByRole('button', { name: 'Fit View' }).click();
  const box = async (id: string) => (await d.node(id).boundingBox())!;
  const pairs: Array<[string, string]> = [
    ['sn-1', 'vpc-a'],
    ['sn-2', 'vpc-a'],
    ['cls-a', 'vpc-a'],
    ['sn-3', 'vpc-b'],
    ['db-1', 'sn-2'],
    ['db-2', 'sn-2'],
    ['db-3', 'sn-3'],
  ];
  for (const [child, parent] of pairs) {
    const c = await box(child);
    const p = await box(parent);
    expect(c.x, `${child} in ${parent}`).toBeGreaterThanOrEqual(p.x - 0.5);
    expect(c.y, `${child} in ${parent}`).toBeGreaterThanOrEqual(p.y - 0.5);
    expect(c.x + c.width, `${child} in ${parent}`).toBeLessThanOrEqual(p.x + p.width + 0.5);
    expect(c.y + c.height, `${child} in ${parent}`).toBeLessThanOrEqual(p.y + p.height + 0.5);
  }
  const [a, b] = [await box('db-1'), await box('db-2')];
  expect(
    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
  ).toBe(true);
});

test('a broken file says where and what, and the current plan stays as it was', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const bad = { ...NO_LAYOUT, subnets: [{ id: 'sn-1', vpc: 'vpc-a', cidr: '10.20.1.7/24' }] };
  await page.getByLabel('Open plan').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const toast = page.locator('.cc-toast--error');
  await expect(toast).toContainText('broken.json');
  await expect(toast).toContainText('$.subnets[0].cidr');
  await expect(toast).toContainText('10.20.1.0/24');
  await expect(toast).toContainText('current plan is unchanged');
  await expect(d.node('cls-prod')).toBeVisible();
  await page.getByLabel('Open plan').setInputFiles({
    name: 'notjson.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": '),
  });
  await expect(page.locator('.cc-toast--error').last()).toContainText('not valid JSON');
  await expect(d.node('cls-prod')).toBeVisible();
});

test('a file dropped on the canvas opens', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(NO_LAYOUT));
  await page.locator('.cc-center').dispatchEvent('drop', { dataTransfer: data });
  await expect(d.node('cls-a')).toBeVisible();
  await expect(page.locator('.cc-plan-name')).toHaveText('from a script');
});

test('a share link opens the plan read-only in a new page; "Edit a copy" makes it editable', async ({
  page,
  context,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page
    .getByRole('dialog', { name: 'Share link' })
    .getByLabel('Link')
    .inputValue();
  expect(url).toContain('#plan=');
  const other = await context.newPage();
  await other.goto(url);
  const d2 = new Designer(other);
  await expect(d2.node('cls-prod')).toBeVisible();
  await expect(other.getByRole('status', { name: 'Shared plan' })).toContainText('read-only');
  await d2.node('cls-prod').click();
  await expect(d2.inspector.getByLabel('Container CIDR')).toBeDisabled();
  await other.keyboard.press('Delete');
  await expect(d2.node('cls-prod')).toBeVisible();
  await other.getByRole('button', { name: 'Edit a copy' }).click();
  await expect(d2.inspector.getByLabel('Container CIDR')).toBeEnabled();
  await other.keyboard.press('Delete');
  await expect(d2.node('cls-prod')).toHaveCount(0);

  const broken = await context.newPage();
  await broken.goto(url.slice(0, url.length - 40));
  await expect(broken.locator('.cc-toast--error')).toContainText('damaged');
});

test('review mode: a summary first, then findings and paths, one at a time with the arrow keys', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-batch').click();
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('172.16.128.0/17');
  await field.blur();
  await expect(d.problems.locator('[data-code="CLUSTER_CIDR_OVERLAPS_CLUSTER"]')).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  await expect(review).toContainText('Guangzhou production');
  await expect(review).toContainText(/\d+ errors?/);
  await expect(review).toContainText('prod-tke');
  await expect(review).toContainText('Step 1 of');
  await page.keyboard.press('ArrowRight');
  await expect(review).toContainText('CLUSTER_CIDR_OVERLAPS_CLUSTER');
  await expect(d.node('cls-batch').locator('.cc-node')).toHaveClass(/is-highlighted/);
  await page.keyboard.press('ArrowRight');
  await expect(review).toContainText('Path 1 of');
  await expect(review).toContainText('prod-tke →');
  await page.keyboard.press('ArrowLeft');
  await expect(review).toContainText('CLUSTER_CIDR_OVERLAPS_CLUSTER');
  // Read-only while reviewing: typing Delete removes nothing.
  await page.keyboard.press('Delete');
  await expect(d.node('cls-batch')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(review).toHaveCount(0);
});

test('templates: each starts a valid plan', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await expect(dialog.locator('[data-template]').first()).toBeVisible();
  const names = await dialog
    .locator('[data-template]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-template')));
  expect(names.length).toBeGreaterThanOrEqual(5);
  for (const name of names) {
    if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'New' }).click();
    await dialog.locator(`[data-template="${name}"]`).click();
    await d.waitValidated();
    await expect(d.problems.locator('[data-count="error"]'), name!).toContainText('0 errors');
    expect(await d.nodesOfKind('cluster').count(), name!).toBeGreaterThan(0);
  }
});

test('export PNG and SVG pictures of the plan', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  const png = await exportAs(page, 'Picture \\(PNG\\)');
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(800);
  expect(height).toBeGreaterThan(300);
  const svg = await exportAs(page, 'Picture \\(SVG\\)');
  const text = svg.bytes.toString();
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // A vector drawing, not HTML wrapped in SVG (e2e/pictures.spec.ts looks at it line by line).
  expect(text).not.toContain('foreignObject');
  expect(svg.bytes.length).toBeLessThan(100_000);
  // The PNG is the SVG drawn at twice its size.
  expect(width).toBe(2 * Number(/width="(\d+)"/.exec(text)?.[1]));
  // The sample opens with the production cluster selected: its paths, as on the canvas.
  const onCanvas = await page.locator('.react-flow__edge').count();
  expect((text.match(/<path [^>]*data-edge=/g) ?? []).length).toBe(onCanvas);
  for (const s of ['prod-tke', 'orders-db', '10.0.0.0/16', 'direct: pod IP kept'])
    expect(text).toContain(s);
  const tf = await exportAs(page, 'Terraform');
  expect(tf.bytes.toString()).toContain('resource "tencentcloud_vpc"');
  const csv = await exportAs(page, 'Address table');
  expect(csv.bytes.toString().split('\n')[0]).toContain('object,kind,cidr');
});
