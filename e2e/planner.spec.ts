// The address planner in the designer, as a person uses it on the sample plan: reserve a range
// in VPC prod and see it on the canvas, size prod-tke and apply it, split a free block into
// subnets and join two back, undoing each step; the new cards pass axe-core.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';

const SHOTS = process.env.PLANNER_SHOTS;

async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(include).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
}

async function selectVpcProd(d: Designer): Promise<void> {
  await d.node('vpc-prod').locator('.cc-vpc__head .cc-title').click();
  await expect(d.inspector.getByRole('heading', { name: 'prod', exact: true })).toBeVisible();
}

test('the reservation form takes an IPv6 block, as a plan file may hold one', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await selectVpcProd(d);
  const card = d.inspector.getByRole('region', { name: 'Reservations' });
  await card.getByLabel('New reservation name').fill('v6 later');
  await card.getByLabel('New reservation CIDR').fill('2402:4e00:1000::1/48');
  await expect(card.getByRole('alert')).toContainText('did you mean 2402:4e00:1000::/48');
  await card.getByLabel('New reservation CIDR').fill('2402:4e00:1000::/48');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await card.getByRole('button', { name: 'Add reservation' }).click();
  const row = card.locator('li[data-reservation]');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('CIDR')).toHaveValue('2402:4e00:1000::/48');
  await expect(row.getByLabel('Name')).toHaveValue('v6 later');
});

test('a reservation added in the VPC inspector shows on the canvas; edit, remove and undo', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await selectVpcProd(d);
  const card = d.inspector.getByRole('region', { name: 'Reservations' });
  const chips = d.node('vpc-prod').locator('.cc-reserved__chip');
  await expect(chips).toHaveCount(0);

  await card.getByLabel('New reservation name').fill('future cluster');
  await card.getByLabel('New reservation CIDR').fill('10.0.128.1/17');
  await expect(card.getByRole('alert')).toContainText('10.0.128.0/17');
  await card.getByRole('button', { name: 'Add reservation' }).click();
  // A bad CIDR changes nothing.
  await expect(chips).toHaveCount(0);
  await expect(card.locator('li[data-reservation]')).toHaveCount(0);

  await card.getByLabel('New reservation CIDR').fill('10.0.128.0/17');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await card.getByRole('button', { name: 'Add reservation' }).click();
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText('future cluster');
  await expect(chips).toContainText('10.0.128.0/17');
  // Readable at the default zoom: at least 11 px of text, on screen in the VPC's head.
  const box = (await chips.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(12);
  await expect(chips).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/planner-reservation.png` });

  // The address map lists it too, as a reservation.
  await page
    .getByRole('group', { name: 'View' })
    .getByRole('button', { name: 'Address map' })
    .click();
  const ranges = page.getByRole('region', { name: 'Ranges in view' });
  await expect(
    ranges
      .locator('tr[data-owner]')
      .filter({ hasText: '10.0.128.0/17' })
      .filter({ hasText: 'Reservation' }),
  ).toContainText('future cluster');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Canvas' }).click();
  await expect(chips).toBeVisible();

  // Edit its CIDR: a bad one says so at the field and the canvas keeps the last good one.
  const row = card.locator('li[data-reservation]');
  const cidr = row.getByLabel('CIDR');
  await cidr.fill('10.0.200.0/33');
  await expect(row.getByRole('alert')).toBeVisible();
  await expect(chips).toContainText('10.0.128.0/17');
  await cidr.fill('10.0.192.0/18');
  await cidr.press('Enter');
  await cidr.blur();
  await expect(chips).toContainText('10.0.192.0/18');
  await row.getByLabel('Note').fill('EU expansion');
  await row.getByLabel('Note').blur();

  await page.keyboard.press('Control+z'); // the note
  await page.keyboard.press('Control+z'); // the CIDR edit, one step
  await expect(chips).toContainText('10.0.128.0/17');

  await card.getByRole('button', { name: 'Remove reservation future cluster' }).click();
  await expect(chips).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(chips).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(chips).toHaveCount(0);
  expect(await seriousViolations(page, '.cc-inspector')).toEqual([]);
});

test('size prod-tke for a target and apply it in one undo step', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-prod').click();
  const card = d.inspector.getByRole('region', { name: 'Size this cluster' });
  await card.getByLabel('Target nodes').fill('100');
  await card.getByLabel('Pods per node').fill('64');
  await card.getByLabel('Services').fill('abc');
  await expect(card.getByRole('alert')).toHaveText('Expected a whole number');
  await expect(card.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await card.getByLabel('Services').fill('256');
  // 100 × 64 + 256 = 6,656 addresses: a /19, at the start of its own /16 (counted free to it).
  await expect(card.locator('[data-size="containerCidr"]')).toHaveText('172.16.0.0/19');
  await expect(card.locator('[data-size="maxPodsPerNode"]')).toHaveText('64');
  await expect(card.locator('[data-size="maxServices"]')).toHaveText('256');
  await expect(card.locator('[data-size="maxNodes"]')).toHaveText('124');
  // The blocks passed over, and why: 172.16.0.0/12 is searched first, batch-tke holds 172.17/16.
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/planner-size.png` });
  expect(await seriousViolations(page, '.cc-inspector')).toEqual([]);

  await card.getByRole('button', { name: 'Apply' }).click();
  await expect(d.node('cls-prod')).toContainText('172.16.0.0/19');
  await expect(card.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(d.node('cls-prod')).toContainText('172.16.0.0/16');
});

test('size batch-tke past a reservation on the block it would take', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  // A plan-wide reservation, from the plan's overview (nothing selected).
  await d.pane.click({ position: { x: 10, y: 10 } });
  const rsv = d.inspector.getByRole('region', { name: 'Reservations' });
  await rsv.getByLabel('New reservation name').fill('later');
  await rsv.getByLabel('New reservation CIDR').fill('172.18.0.0/16');
  await rsv.getByRole('button', { name: 'Add reservation' }).click();
  await expect(rsv.locator('li[data-reservation]')).toHaveCount(1);
  await d.node('cls-batch').click();
  const card = d.inspector.getByRole('region', { name: 'Size this cluster' });
  await card.getByLabel('Target nodes').fill('1000');
  await card.getByLabel('Pods per node').fill('64');
  await card.getByLabel('Services').fill('256');
  // 64,256 addresses: a /16; its own 172.17.0.0/16 is free to it. 2,000 nodes need a /15:
  // 172.16/15 holds prod-tke, 172.18/15 the reservation.
  await expect(card.locator('[data-size="containerCidr"]')).toHaveText('172.17.0.0/16');
  await card.getByLabel('Target nodes').fill('2000');
  await expect(card.locator('[data-size="containerCidr"]')).toHaveText('172.20.0.0/15');
  await card.getByText(/blocks? passed over/).click();
  await expect(card.getByText('overlaps reservation later (172.18.0.0/16)')).toBeVisible();
});

test('split a free block of VPC prod into subnets across zones, join two back, undo each', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await selectVpcProd(d);
  const card = d.inspector.getByRole('region', { name: 'Split and join' });
  const free = card.getByRole('list', { name: 'Free blocks of this VPC' });
  await expect(free.getByRole('listitem').first()).toContainText('10.0.128.0/17');
  const subnetsBefore = await d.nodesOfKind('subnet').count();

  await card.getByRole('button', { name: 'Split 10.0.128.0/17 into subnets' }).click();
  const form = card.getByRole('form', { name: 'Split 10.0.128.0/17' });
  await form.getByLabel('Size').selectOption('22');
  await form.getByLabel('Subnets').fill('40');
  await expect(form.getByRole('alert')).toHaveText('10.0.128.0/17 holds 32 × /22, not 40');
  await expect(form.getByRole('button', { name: /Create/ })).toBeDisabled();
  await form.getByLabel('Subnets').fill('4');
  for (const z of ['ap-guangzhou-6', 'ap-guangzhou-7']) await form.getByLabel(z).check();
  await expect(form.getByText(/4 × \/22: 10\.0\.128\.0\/22 … 10\.0\.140\.0\/22/)).toContainText(
    'ap-guangzhou-3, ap-guangzhou-4, ap-guangzhou-6, ap-guangzhou-7',
  );
  expect(await seriousViolations(page, '.cc-inspector')).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/planner-split-form.png` });
  await form.getByRole('button', { name: 'Create 4 subnets' }).click();
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore + 4);
  for (const [cidr, zone] of [
    ['10.0.128.0/22', 'ap-guangzhou-3'],
    ['10.0.132.0/22', 'ap-guangzhou-4'],
    ['10.0.136.0/22', 'ap-guangzhou-6'],
    ['10.0.140.0/22', 'ap-guangzhou-7'],
  ])
    await expect(
      d.nodesOfKind('subnet').filter({ hasText: cidr }).filter({ hasText: zone }),
    ).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/planner-split.png` });

  // Two of them side by side, but in different zones: the reason is said and Join stays off.
  const join = card.getByRole('form', { name: 'Join subnets' });
  await join.getByLabel(/10\.0\.128\.0\/22/).check();
  await join.getByLabel(/10\.0\.132\.0\/22/).check();
  await expect(join.getByRole('status')).toContainText('Cannot join');
  await expect(join.getByRole('status')).toContainText('different zones');
  await expect(join.getByRole('button', { name: /Join/ })).toBeDisabled();

  await page.keyboard.press('Control+z');
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore);

  // Again, two /18 in one zone, and join them into the /17.
  await card.getByRole('button', { name: 'Split 10.0.128.0/17 into subnets' }).click();
  await form.getByLabel('Size').selectOption('18');
  await form.getByLabel('Subnets').fill('2');
  await form.getByLabel('ap-guangzhou-4').uncheck();
  await form.getByRole('button', { name: 'Create 2 subnets' }).click();
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore + 2);
  await join.getByLabel(/10\.0\.128\.0\/18/).check();
  await join.getByLabel(/10\.0\.192\.0\/18/).check();
  await expect(join.getByRole('status')).toContainText('They become 10.0.128.0/17');
  await join.getByRole('button', { name: 'Join 2 subnets' }).click();
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore + 1);
  await expect(d.nodesOfKind('subnet').filter({ hasText: '10.0.128.0/17' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore + 2);
  await expect(d.nodesOfKind('subnet').filter({ hasText: '10.0.192.0/18' })).toHaveCount(1);
});

test('a cluster dropped from the palette is offered its size at once', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.1, fy: 0.15 });
  const [vpcId] = await d.idsOf('vpc');
  await d.drop('TKE cluster', d.node(vpcId!), { fx: 0.6, fy: 0.3 });
  const [clusterId] = await d.idsOf('cluster');
  await expect(d.node(clusterId!)).toContainText('172.16.0.0/16');
  const card = d.inspector.getByRole('region', { name: 'Size this cluster' });
  await card.getByLabel('Target nodes').fill('20');
  await card.getByLabel('Pods per node').fill('64');
  await card.getByLabel('Services').fill('256');
  // 20 × 64 + 256 = 1,536 addresses: a /21.
  await expect(card.locator('[data-size="containerCidr"]')).toHaveText('172.16.0.0/21');
  await card.getByRole('button', { name: 'Apply' }).click();
  await expect(d.node(clusterId!)).toContainText('172.16.0.0/21');
  await page.keyboard.press('Control+z');
  await expect(d.node(clusterId!)).toContainText('172.16.0.0/16');
});

test('two subnets selected on the canvas are joined from the inspector', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await selectVpcProd(d);
  const card = d.inspector.getByRole('region', { name: 'Split and join' });
  await card.getByRole('button', { name: 'Split 10.0.128.0/17 into subnets' }).click();
  const form = card.getByRole('form', { name: 'Split 10.0.128.0/17' });
  await form.getByLabel('Size').selectOption('18');
  await form.getByLabel('Subnets').fill('2');
  await form.getByLabel('ap-guangzhou-4').uncheck();
  await form.getByRole('button', { name: 'Create 2 subnets' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  const a = d.nodesOfKind('subnet').filter({ hasText: '10.0.128.0/18' });
  const b = d.nodesOfKind('subnet').filter({ hasText: '10.0.192.0/18' });
  await a.locator('.cc-title').click();
  await b.locator('.cc-title').click({ modifiers: ['Shift'] });
  await expect(d.inspector).toContainText('2 objects selected');
  const join = d.inspector.getByRole('region', { name: 'Join subnets' });
  await expect(join.getByRole('status')).toContainText('Together they are 10.0.128.0/17');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/planner-join.png` });
  await join.getByRole('button', { name: 'Join 2 subnets' }).click();
  await expect(d.nodesOfKind('subnet').filter({ hasText: '10.0.128.0/17' })).toHaveCount(1);
  await expect(b).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(b).toHaveCount(1);
});

test('size a VPC-CNI cluster: pod subnets per zone for the pods it cannot hold yet', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'New' }).click();
  await page
    .getByRole('dialog', { name: 'New plan' })
    .getByRole('button', { name: /VPC-CNI cluster with pod subnets/ })
    .click();
  await expect(d.node('cls-mesh')).toBeVisible();
  const subnetsBefore = await d.nodesOfKind('subnet').count();
  await d.node('cls-mesh').click();
  const card = d.inspector.getByRole('region', { name: 'Size this cluster' });
  await card.getByLabel('Target nodes').fill('200');
  await card.getByLabel('Pods per node').fill('64');
  await card.getByLabel('Services').fill('256');
  // 12,800 pods; two /20 pod subnets hold 8,186: 4,614 more, 2,307 a zone, a /20 each.
  const result = card.getByRole('region', { name: 'Suggested sizing' });
  await expect(result).toContainText('12,800 pods; the pod subnets hold 8,186 now');
  await expect(result).toContainText('Add 2 pod subnets of 2,307 pods each');
  await expect(result.getByRole('listitem')).toHaveText([
    '10.60.16.0/20 ap-guangzhou-3 · 4,093 usable',
    '10.60.32.0/20 ap-guangzhou-4 · 4,093 usable',
  ]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/planner-size-cni.png` });
  await card.getByRole('button', { name: 'Apply' }).click();
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore + 2);
  await expect(d.nodesOfKind('subnet').filter({ hasText: '10.60.32.0/20' })).toHaveCount(1);
  await expect(result).toContainText('Enough: no pod subnet to add.');
  await page.keyboard.press('Control+z');
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore);
});
