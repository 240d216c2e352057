// Reviewing a change: a person edits the sample, then compares it with the sample's file and
// reads what changed on the canvas, in the Changes panel, the inspector and review mode.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { Designer } from './support/designer';

const SAMPLE = fileURLToPath(new URL('../src/app/templates/sample.plan.json', import.meta.url));

/**
 * Waits for the canvas to stop moving. Adding an object or picking a line of the Changes panel
 * frames it: the glide starts two frames later and lasts 300 ms, and a click on a node meanwhile
 * lands where the node was (on the pane: nothing selected), as a person who clicks mid-glide would.
 */
async function viewSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await viewport.getAttribute('style');
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [150] },
    )
    .toBe(true);
}

test('compare an edited sample with its file: marks, ghosts, changed fields, paths, review', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const changes = page.getByRole('complementary', { name: 'Changes' });

  // Add a subnet to VPC prod (select it, click the palette's Subnet).
  const subnetsBefore = await d.idsOf('subnet');
  await d.node('vpc-prod').locator('.cc-vpc__head').click();
  await d.paletteItem('Subnet').click();
  await expect(d.nodesOfKind('subnet')).toHaveCount(subnetsBefore.length + 1);
  const added = (await d.idsOf('subnet')).find((id) => !subnetsBefore.includes(id))!;
  await viewSettled(page);

  // Move the node subnet of prod-tke: the IDC has no return route to it any more. (Typing before
  // the inspector shows it would type into the new subnet's CIDR.)
  await d.node('sn-nodes').locator('.cc-subnet__head').click();
  const cidr = d.inspector.getByLabel('CIDR', { exact: true });
  await expect(cidr).toHaveValue('10.0.1.0/24');
  await cidr.fill('10.0.3.0/24');
  await cidr.blur();

  // Delete the sessions cache.
  await d.node('redis-sessions').click();
  await expect(d.node('redis-sessions')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(d.node('redis-sessions')).toHaveCount(0);
  await d.waitValidated();

  // Compare with... the original sample file, through the file chooser.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await (await chooser).setFiles(SAMPLE);
  await expect(changes).toBeVisible();
  await expect(changes.getByRole('heading', { level: 2 })).toContainText('sample.plan.json');

  const group = (key: string) => changes.locator(`[data-group="${key}"]`);
  await expect(group('added').locator('.cc-changes__count')).toHaveText('1');
  await expect(group('added')).toContainText('Subnet');
  await expect(group('removed').locator('.cc-changes__count')).toHaveText('1');
  await expect(group('removed')).toContainText('Resource sessions');
  await expect(group('changed')).toContainText('Subnet nodes-gz3');
  await expect(group('changed')).toContainText('cidr: 10.0.1.0/24 → 10.0.3.0/24');

  // The canvas: the added subnet in green with its '+', the deleted cache as a ghost, the moved
  // subnet in amber.
  await expect(d.node(added)).toHaveAttribute('data-diff', 'added');
  const mark = await d.node(added).evaluate((el) => ({
    outline: getComputedStyle(el).outlineColor,
    badge: getComputedStyle(el, '::after').content,
  }));
  expect(mark).toEqual({ outline: 'rgb(22, 163, 74)', badge: '"+"' });
  await expect(d.node('sn-nodes')).toHaveAttribute('data-diff', 'changed');
  await expect(d.node('vpc-prod')).not.toHaveAttribute('data-diff', /.*/);
  const ghost = page.locator('.react-flow__node[data-ghost="redis-sessions"]');
  await expect(ghost).toBeVisible();
  await expect(ghost).toContainText('sessions');
  await expect(ghost).toContainText('10.0.10.20');
  // The ghost sits in the data subnet, where the cache was.
  const [g, data] = await Promise.all([ghost.boundingBox(), d.node('sn-data').boundingBox()]);
  expect(g!.x).toBeGreaterThan(data!.x);
  expect(g!.y).toBeGreaterThan(data!.y);
  expect(g!.x + g!.width).toBeLessThan(data!.x + data!.width);

  // A line selects its object: the inspector shows the changed CIDR, old → new.
  await group('changed')
    .getByRole('button', { name: /nodes-gz3/ })
    .click();
  await expect(d.node('sn-nodes')).toHaveClass(/selected/);
  const fields = d.inspector.getByRole('region', { name: 'Changes' });
  await expect(fields).toContainText('Changed since sample.plan.json');
  await expect(fields.locator('tr[data-field="cidr"]')).toContainText('10.0.1.0/24 → 10.0.3.0/24');
  await group('added').getByRole('button').click();
  await expect(d.node(added)).toHaveClass(/selected/);
  await expect(d.inspector.getByRole('region', { name: 'Changes' })).toContainText('Added since');
  // The removed line frames the ghost and outlines it.
  await group('removed').getByRole('button').click();
  await expect(ghost).toHaveAttribute('data-picked', 'true');
  await viewSettled(page);

  // The ghost is framed beside the Changes panel, not under it.
  const panel = (await changes.boundingBox())!;
  const framed = (await ghost.boundingBox())!;
  expect(framed.x + framed.width).toBeLessThan(panel.x);

  // Fit View shows the whole plan beside the panel: every object can be clicked by its name.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
  const rightmost = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().right)));
  expect(rightmost).toBeLessThan(panel.x);

  // prod-tke's paths: the one to the IDC went from SNAT to unreachable.
  // By its name, as a person does: lines and their labels cross the middle of a cluster.
  await d.node('cls-prod').click({ position: { x: 40, y: 12 } });
  await expect(d.node('cls-prod')).toHaveClass(/selected/);
  const edge = d.pathEdge('cls-prod', 'idc-sh');
  await expect(edge).toHaveAttribute('data-verdict', 'unreachable');
  await expect(page.locator('.cc-path-label--moved')).toHaveText('SNAT → unreachable');
  await expect(group('paths')).toContainText('prod-tke → Shanghai IDC');
  await expect(group('paths')).toContainText('SNAT → unreachable (NO_RETURN_ROUTE)');
  await group('paths')
    .getByRole('button', { name: /Shanghai IDC/ })
    .click();
  await expect(d.node('cls-prod')).toHaveClass(/selected/);

  // Accessible: no serious or critical violation in the panel.
  const axe = await new AxeBuilder({ page }).include('.cc-changes').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  await page.screenshot({ path: test.info().outputPath('compare.png') });

  // Review mode starts with what changed.
  await page.getByRole('button', { name: 'Review' }).click();
  const card = page.getByRole('dialog', { name: 'Review' });
  await expect(card.locator('.cc-review__count')).toContainText('Step 1 of');
  await expect(card.getByRole('heading', { name: 'What changed' })).toBeVisible();
  await expect(card).toContainText('1 added, 1 removed');
  await page.screenshot({ path: test.info().outputPath('compare-review.png') });
  await page.keyboard.press('ArrowRight');
  await expect(card.getByRole('heading', { name: 'What changed' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Ending the comparison takes every mark away.
  await changes.getByRole('button', { name: 'End comparison' }).click();
  await expect(changes).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-diff]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-ghost]')).toHaveCount(0);
  await expect(page.locator('.cc-path-label--moved')).toHaveCount(0);
  await expect(d.pathEdge('cls-prod', 'idc-sh')).toHaveAttribute('data-verdict', 'unreachable');
});

test('a file that is no plan is refused with where and what, and nothing is compared', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByLabel('Compare with plan file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"cidr-canvas","version":1,"vpcs":[{"id":"v"}]}'),
  });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'broken.json cannot be compared with',
  );
  await expect(page.getByRole('complementary', { name: 'Changes' })).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-diff]')).toHaveCount(0);
});
