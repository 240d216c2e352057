// Finding an object: Ctrl+K or "/" opens the command bar, a name or an address inside a range
// finds it, the keyboard picks it, and the canvas selects and frames it, even on a large plan
// that has not drawn it yet. Also: axe on the open bar. Typing latency, at 20,000 and 100,000
// objects, is timed alone in perf-search.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Designer } from './support/designer';
import { countObjects } from './support/plans';
import { bar, expectInView, openGrid20k } from './support/search';

test('Ctrl+K finds an object by name and Enter selects it and brings it into view', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const b = bar(page);
  await page.keyboard.press('Control+k');
  await expect(b.input).toBeFocused();
  await page.keyboard.type('orders');
  await expect(b.options.first()).toContainText('orders-db');
  await expect(b.options.first()).toContainText('10.0.10.10');
  await expect(b.options.first()).toContainText('in data');
  await expect(b.active).toContainText('orders-db');
  await page.keyboard.press('Enter');
  await expect(b.dialog).toHaveCount(0);
  await expect(d.inspector.getByRole('heading', { name: 'orders-db' })).toBeVisible();
  await expect(d.node('db-orders')).toHaveClass(/\bselected\b/);
  await expectInView(page, d.node('db-orders'));
});

test('"/" finds the subnet that holds an address; arrows pick, Escape leaves the selection alone', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const b = bar(page);
  await d.pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(b.input).toBeFocused();
  await page.keyboard.type('10.0.2.9');
  // The subnet holding it first, then its VPC.
  await expect(b.options.nth(0)).toContainText('nodes-gz4');
  await expect(b.options.nth(0)).toContainText('10.0.2.0/24');
  await expect(b.options.nth(0)).toContainText('holds it');
  await expect(b.options.nth(1)).toContainText('prod');
  await expect(b.options.nth(1)).toContainText('10.0.0.0/16');
  await expect(b.input).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(b.active).toContainText('prod');
  await expect(b.input).toHaveAttribute(
    'aria-activedescendant',
    (await b.active.getAttribute('id'))!,
  );
  await page.keyboard.press('ArrowUp');
  await expect(b.active).toContainText('nodes-gz4');
  await page.keyboard.press('Enter');
  await expect(b.dialog).toHaveCount(0);
  await expect(d.inspector.getByRole('heading', { name: 'nodes-gz4' })).toBeVisible();
  await expectInView(page, d.node('sn-batch'));

  // Escape closes the bar without losing the selection; "/" typed in a field stays in the field.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('nothing-like-this');
  await expect(b.dialog.getByRole('status')).toHaveText(
    'Nothing in the plan matches “nothing-like-this”.',
  );
  await page.keyboard.press('Escape');
  await expect(b.dialog).toHaveCount(0);
  await expect(d.node('sn-batch')).toHaveClass(/\bselected\b/);
  const name = d.inspector.getByRole('textbox', { name: 'Name' });
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type('/a');
  await expect(name).toHaveValue('nodes-gz4/a');
  await expect(b.dialog).toHaveCount(0);
});

test('the help overlay lists the shortcut', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Ctrl\/⌘ K, \/.*Find an object/ })).toBeVisible();
});

test('the open command bar passes axe-core', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('10.0.10.20');
  await expect(bar(page).options.first()).toContainText('sessions');
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
  expect(bad).toEqual([]);
});

test('on a 20,000-object plan a target that is not drawn is found, selected and framed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { d, plan, last, address } = await openGrid20k(page);
  expect(countObjects(plan)).toBeGreaterThanOrEqual(20_000);
  const target = `res-${last}-7-2`;
  // The large plan draws only what is in view: the target is not on the page yet.
  await expect(d.node('vpc-0')).toBeAttached();
  await expect(d.node(target)).toHaveCount(0);

  const b = bar(page);
  await page.keyboard.press('Control+k');
  await expect(b.input).toBeFocused();
  await page.keyboard.type(`db ${last}.7.2`);
  await expect(b.options.first()).toContainText(`db ${last}.7.2`);
  await page.keyboard.press('Enter');
  await expect(d.inspector.getByRole('heading', { name: `db ${last}.7.2` })).toBeVisible();
  await expect(d.node(target)).toHaveClass(/\bselected\b/);
  await expectInView(page, d.node(target));

  // An address inside a subnet far from here: its subnet, found and framed.
  const subnet = `sn-0-3`;
  await expect(d.node(subnet)).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await page.keyboard.type(address);
  await expect(b.options.first()).toContainText('subnet 0.3');
  await page.keyboard.press('Enter');
  await expectInView(page, d.node(subnet));
  await expect(d.node(subnet)).toHaveClass(/\bselected\b/);
});
