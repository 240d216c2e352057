// What a new user reads: names rather than plan ids, route problems that open where they can be
// fixed, a route's target that follows its destination, counts in good English, a delete toast
// that goes when undo brings the object back, and a read-only palette that looks it.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';

const vpcHeader = { position: { x: 60, y: 8 } };

/** Opens a plan file through the toolbar's Open, as a person picks one. */
async function openFile(page: Page, name: string, plan: unknown): Promise<void> {
  await page.getByLabel('Open plan').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(page.locator('.cc-toast--success')).toContainText(`Opened ${name}`);
}

function routeTable(d: Designer, name: string) {
  return d.inspector.getByRole('region', { name: `Route table ${name}` });
}

test('paths, edge labels, tooltips and review steps read names; ids stay on hover', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const paths = page.getByRole('region', { name: 'Paths' });
  // prod-tke (cls-prod) is selected on first run.
  const toDb = paths.locator('[data-from="cls-prod"][data-to="db-orders"]');
  await expect(toDb).toContainText('prod-tke → orders-db');
  await expect(toDb).not.toContainText('cls-prod');
  await expect(toDb.locator('.cc-path-row__ends')).toHaveAttribute('title', 'cls-prod → db-orders');
  // A subnet names its route table (id rtb-prod, named prod-main); the id is on hover.
  const table = d.node('sn-nodes').getByText('rtb: prod-main');
  await expect(table).toBeVisible();
  await expect(table).toHaveAttribute('title', 'rtb-prod');
  await expect(paths.locator('[data-to="internet"]')).toContainText('prod-tke → Internet');
  // The internet edge: SNAT through the NAT gateway named "egress" (id nat-egress).
  const label = page.locator('.cc-path-label--snat', { hasText: 'egress' });
  await expect(label).toHaveText('SNAT → egress');
  await expect(page.locator('.cc-path-label', { hasText: 'nat-egress' })).toHaveCount(0);
  // Hovering the row draws its tooltip: the hops by name.
  await paths.locator('[data-from="cls-prod"][data-to="internet"]').hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('prod-tke → Internet');
  await expect(tip.locator('li')).toHaveText(['prod-tke', 'nodes-gz3', 'egress', 'Internet']);
  await expect(tip).not.toContainText('sn-nodes');
  // Review mode's path steps.
  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  await page.keyboard.press('ArrowRight');
  await expect(review).toContainText('from prod-tke');
  await expect(review.locator('.cc-review__lead')).toHaveText(/^prod-tke → \S/);
  await expect(review).not.toContainText('cls-prod');
});

test('every edge label of the sample can be read: no line and no node is drawn over it', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  // prod-tke is selected on first run: its paths are drawn above the objects they cross.
  const labels = page.locator('.cc-path-label, .cc-edge-label');
  await expect(page.locator('.cc-path-label')).toHaveCount(4);
  await expect(page.locator('.cc-edge-label')).toHaveCount(2);
  // What the screen shows at points across each label is the label: its own line (which runs
  // under its middle) and the cluster beside the peering's label were drawn over them before.
  const covered = await labels.evaluateAll((els) =>
    els.flatMap((el) => {
      // Hit testing follows paint order; a peering's label takes no pointer, so for this look
      // it takes one.
      (el as HTMLElement).style.pointerEvents = 'auto';
      const r = el.getBoundingClientRect();
      const y = r.top + r.height / 2;
      return [0.2, 0.5, 0.8].flatMap((f) => {
        const hit = document.elementFromPoint(r.left + r.width * f, y);
        return hit && el.contains(hit)
          ? []
          : [`${el.textContent} at ${f}: ${hit?.outerHTML.slice(0, 80)}`];
      });
    }),
  );
  expect(covered).toEqual([]);
});

test('a route message names its target; clicking the problem opens the route table with the route and its fixes', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('vpc-prod').click(vpcHeader);
  const table = routeTable(d, 'prod-main');
  await table.getByRole('button', { name: 'Add route' }).click();
  const dest = table.getByLabel('Destination').last();
  await dest.fill('172.16.8.0/24');
  await dest.blur();
  await d.waitValidated();
  const problem = d.problems.locator('[data-code="ROUTE_INSIDE_CLUSTER_CIDR"]');
  await expect(problem).toContainText('Route 172.16.8.0/24 → Shanghai IDC in table prod-main');
  await expect(problem).not.toContainText('idc-sh');
  await expect(d.problems.locator('[data-count="error"]')).toHaveText('1 error');

  // Clicking it selects the route table alone, not "2 objects" with only Delete.
  await d.pane.click({ position: { x: 20, y: 20 } });
  await problem.click();
  await expect(d.inspector).not.toContainText('objects selected');
  await expect(d.inspector.locator('.cc-inspector__title')).toContainText('Route table · rtb-prod');
  const fixes = d.inspector.getByRole('group', { name: 'Problem with route 172.16.8.0/24' });
  await expect(fixes).toBeInViewport();
  await expect(d.inspector.locator('tr.has-problem')).toHaveAttribute(
    'data-destination',
    '172.16.8.0/24',
  );
  await expect(fixes).toContainText('A narrower route cannot help');
  // Said once, by the route it is about.
  await expect(d.inspector.locator('code', { hasText: 'ROUTE_INSIDE_CLUSTER_CIDR' })).toHaveCount(
    1,
  );
  // Ignoring the conflict in the cluster makes it a warning.
  await fixes.getByRole('button', { name: 'Ignore the conflict in prod-tke' }).click();
  await expect(d.problems.locator('[data-count="error"]')).toHaveText('0 errors');
  await expect(d.problems.locator('[data-count="warning"]')).toHaveText('1 warning');
  await expect(fixes.getByRole('button', { name: /Ignore the conflict/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(d.problems.locator('[data-count="error"]')).toHaveText('1 error');
  // Removing the route removes the problem and that route only.
  await fixes.getByRole('button', { name: 'Remove the route' }).click();
  await expect(d.problems.locator('[data-count="error"]')).toHaveText('0 errors');
  await expect(d.inspector.getByLabel('Destination')).toHaveCount(3);
  await expect(d.inspector.locator('tr[data-destination="172.16.8.0/24"]')).toHaveCount(0);
});

test('a route that covers a container CIDR is narrowed around it in one click', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const plan = JSON.parse(readFileSync('src/app/templates/single-cluster.plan.json', 'utf8')) as {
    routeTables: Array<{ routes: Array<{ destination: string; target: string }> }>;
  };
  plan.routeTables[0]!.routes.push({ destination: '172.16.0.0/12', target: 'nat-web' });
  await openFile(page, 'covering.json', plan);
  await d.waitValidated();
  const problem = d.problems.locator('[data-code="ROUTE_SHADOWED_BY_CLUSTER"]');
  await expect(problem).toContainText('Route 172.16.0.0/12 → egress');
  await problem.click();
  const fixes = d.inspector.getByRole('group', { name: 'Problem with route 172.16.0.0/12' });
  await fixes
    .getByRole('button', {
      name: 'Narrow to 172.24.0.0/13, 172.20.0.0/14, 172.16.0.0/15, 172.19.0.0/16',
    })
    .click();
  const dests = d.inspector.getByLabel('Destination');
  await expect(dests).toHaveCount(5);
  for (const [i, v] of [
    '0.0.0.0/0',
    '172.24.0.0/13',
    '172.20.0.0/14',
    '172.16.0.0/15',
    '172.19.0.0/16',
  ].entries())
    await expect(dests.nth(i)).toHaveValue(v);
  await expect(problem).toHaveCount(0);
});

test("a new route's target is the one whose range holds its destination", async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.node('vpc-prod').click(vpcHeader);
  const table = routeTable(d, 'prod-main');
  await table.getByRole('button', { name: 'Add route' }).click();
  const dest = table.getByLabel('Destination').last();
  const target = table.getByLabel('Target').last();
  // The table has a default route already, so the new one starts at 192.168.0.0/16: the IDC's.
  await expect(dest).toHaveValue('192.168.0.0/16');
  await expect(target.locator('option:checked')).toHaveText('IDC Shanghai IDC');
  // The peer VPC shared-services is 10.1.0.0/16.
  await dest.fill('10.1.4.0/24');
  await expect(target.locator('option:checked')).toHaveText('Peering prod-shared');
  // A public range goes out through the NAT gateway.
  await dest.fill('8.8.8.0/24');
  await expect(target.locator('option:checked')).toHaveText('NAT egress');
  // Once someone picks a target, typing a destination leaves it alone.
  await target.selectOption({ label: 'Peering prod-shared' });
  await dest.fill('192.168.4.0/24');
  await expect(target.locator('option:checked')).toHaveText('Peering prod-shared');
});

test('the delete toast goes when undo brings the object back', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.node('db-orders').click();
  await page.keyboard.press('Delete');
  const toasts = page.getByRole('status', { name: 'Notifications' });
  await expect(toasts).toContainText('Deleted orders-db');
  await expect(d.node('db-orders')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(d.node('db-orders')).toBeVisible();
  await expect(toasts).not.toContainText('Deleted orders-db');
  await expect(toasts).toContainText('Restored orders-db');
});

test('the read-only view of a share link has a palette that looks and says it is disabled', async ({
  page,
  context,
}) => {
  const d = new Designer(page);
  await d.open();
  const vpc = d.paletteItem('VPC');
  await expect(vpc).toHaveCSS('cursor', 'grab');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  const shared = await context.newPage();
  await shared.goto(link);
  const sd = new Designer(shared);
  await expect(shared.getByRole('status', { name: 'Shared plan' })).toBeVisible();
  const item = sd.paletteItem('VPC');
  await expect(item).toBeDisabled();
  await expect(item).toHaveCSS('cursor', 'not-allowed');
  await expect(item).toHaveCSS('background-color', 'rgb(241, 245, 249)');
  await expect(item).toHaveAttribute('title', /Read-only/);
  await expect(shared.getByRole('navigation', { name: 'Palette' })).toContainText(
    'This plan is read-only',
  );
});

test('templates count in good English: "3 VPCs", "1 cluster"', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await expect(dialog.getByRole('button', { name: /Peered VPCs/ }).locator('small')).toHaveText(
    '3 VPCs · 1 cluster · 3 resources',
  );
  await expect(dialog.getByRole('button', { name: /Single cluster/ }).locator('small')).toHaveText(
    '1 VPC · 1 cluster · 2 resources',
  );
});
