// The problems panel at scale: 1,200 overlapping subnets and 40 zones in the wrong region, grouped
// with counts, filtered, scrolled to the end with a few dozen rows in the page, fixed all at once
// and brought back with one undo.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';
import { gridPlan } from './support/plans';
import { expectInView, openPlan } from './support/search';

const VPCS = 10;
const DUPS = 40;

/**
 * A grid of ten VPCs, each with forty more subnets laid over its eight: five on each, so six
 * subnets share each /24 (15 overlapping pairs, 120 a VPC, 1,200 in all). Every tenth is in a
 * Shanghai zone though its VPC is in Guangzhou (4 a VPC, 40 warnings).
 */
function overlappingPlan(): Record<string, unknown> {
  const plan = gridPlan(VPCS * 37);
  const subnets = plan.subnets as { id: string; vpc: string; cidr: string }[];
  const layout = plan.layout as Record<string, unknown>;
  for (let v = 0; v < VPCS; v++) {
    for (let k = 0; k < DUPS; k++) {
      const id = `dup-${v}-${k}`;
      subnets.push({
        id,
        name: `dup ${v}.${k}`,
        vpc: `vpc-${v}`,
        cidr: subnets.find((s) => s.id === `sn-${v}-${k % 8}`)!.cidr,
        zone: k % 10 === 9 ? 'ap-shanghai-2' : 'ap-guangzhou-3',
      } as never);
      layout[id] = {
        x: 20 + (k % 10) * 135,
        y: 540 + Math.floor(k / 10) * 68,
        width: 125,
        height: 60,
      };
    }
  }
  return plan;
}

async function open(page: Page): Promise<Designer> {
  // Opening and validating 1,240 findings on a shared 2-core machine takes a while.
  test.setTimeout(120_000);
  const d = new Designer(page);
  await d.open();
  await openPlan(page, 'overlaps.json', overlappingPlan());
  await d.waitValidated();
  return d;
}

const rowsInPage = (d: Designer) => d.problems.locator('.cc-problems__rows > li');

test('1,240 findings: grouped with counts, a bounded number of rows while scrolling to the last, filtered by code and object', async ({
  page,
}) => {
  const d = await open(page);
  const p = d.problems;
  await expect(p.locator('[data-count="error"]')).toHaveText('1,200 errors');
  await expect(p.locator('[data-count="warning"]')).toHaveText('40 warnings');
  await expect(p.locator('[data-group="error"]')).toContainText('Errors1,200');
  await expect(p.locator('[data-group="SUBNET_OVERLAP"]')).toContainText('Subnets overlap1,200');
  await expect(p.locator('[data-group="warning"]')).toHaveCount(0); // below the fold
  await expect(p.locator('[data-code="SUBNET_OVERLAP"]').first()).toBeVisible();
  const before = await rowsInPage(d).count();
  expect(before).toBeGreaterThan(3);
  expect(before).toBeLessThan(100);

  // Scrolling with the wheel: rows come and go, never many at once.
  const list = p.locator('.cc-problems__scroll');
  await list.hover();
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, 4000);
    expect(await rowsInPage(d).count()).toBeLessThan(100);
  }
  // The keyboard reaches the last finding: the last wrong zone of the last VPC.
  await p.locator('[data-code="SUBNET_OVERLAP"]').first().focus();
  await page.keyboard.press('End');
  const last = p.locator('[data-code="SUBNET_ZONE_REGION_MISMATCH"]').last();
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toContainText(`dup ${VPCS - 1}.${DUPS - 1}`);
  expect(await rowsInPage(d).count()).toBeLessThan(100);
  // The whole message of the focused finding is shown below the list.
  await expect(p.locator('.cc-problems__detail')).toContainText(
    `Subnet dup ${VPCS - 1}.${DUPS - 1} is in zone ap-shanghai-2`,
  );

  // One code: only its group and its rows.
  await p.getByLabel('Filter by code').selectOption('SUBNET_ZONE_REGION_MISMATCH');
  await expect(p.locator('[data-group="SUBNET_OVERLAP"]')).toHaveCount(0);
  await expect(p.locator('[data-group="SUBNET_ZONE_REGION_MISMATCH"]')).toContainText('40');
  await expect(p.locator('[data-code="SUBNET_OVERLAP"]')).toHaveCount(0);
  const shown = await p.locator('[data-code]').count();
  expect(shown).toBeGreaterThan(3);
  await expect(p.locator('[data-code="SUBNET_ZONE_REGION_MISMATCH"]')).toHaveCount(shown);

  // And an object: the name typed narrows to its findings.
  await p.getByLabel('Filter by object').fill('dup 3.19');
  await expect(p.locator('[data-code]')).toHaveCount(1);
  await expect(p.locator('[data-code]')).toContainText('dup 3.19');
  await p.getByLabel('Filter by code').selectOption('');
  await p.getByLabel('Filter by object').fill('');
  await expect(p.locator('[data-group="SUBNET_OVERLAP"]')).toBeVisible();

  // Errors hidden by their count: the warnings come up.
  await p.locator('[data-count="error"]').click();
  await expect(p.locator('[data-count="error"]')).toHaveAttribute('aria-pressed', 'false');
  await expect(p.locator('[data-group="SUBNET_OVERLAP"]')).toHaveCount(0);
  await expect(p.locator('[data-group="warning"]')).toContainText('Warnings40');
});

test('Fix all moves every overlapping subnet to its own free block in one step; Ctrl+Z brings them all back', async ({
  page,
}) => {
  const d = await open(page);
  const p = d.problems;
  // Two subnets on the same /24 are offered two different free blocks, in the message too.
  await p.locator('[data-code="SUBNET_OVERLAP"]').first().focus();
  const use = p.locator('.cc-problems__detail').getByRole('button', { name: /^Use / });
  const first = (await use.textContent())!.replace('Use ', '');
  await expect(p.locator('.cc-problems__detail')).toContainText(`${first} is free`);
  await page.keyboard.press('ArrowDown');
  await expect(use).not.toHaveText(`Use ${first}`);
  const second = (await use.textContent())!.replace('Use ', '');
  await expect(p.locator('.cc-problems__detail')).toContainText(`${second} is free`);

  const fix = p.getByRole('button', { name: 'Fix all 1,200' });
  await expect(fix).toBeVisible();
  await fix.click();
  await d.waitValidated();
  await expect(p.locator('[data-count="error"]')).toHaveText('0 errors');
  await expect(p.locator('[data-group="SUBNET_OVERLAP"]')).toHaveCount(0);
  await expect(p.locator('[data-code="SUBNET_OVERLAP"]')).toHaveCount(0);
  // The warnings stay: their fix is another code's.
  await expect(p.locator('[data-count="warning"]')).toHaveText('40 warnings');
  await expect(page.locator('.cc-toast', { hasText: 'SUBNET_OVERLAP' })).toContainText(
    'SUBNET_OVERLAP: changed 400 objects',
  );

  await page.keyboard.press('Control+z');
  await d.waitValidated();
  await expect(p.locator('[data-count="error"]')).toHaveText('1,200 errors');
  await expect(p.locator('[data-group="SUBNET_OVERLAP"]')).toContainText('1,200');
  await page.keyboard.press('Control+Shift+z');
  await expect(p.locator('[data-count="error"]')).toHaveText('0 errors');
});

test('clicking a finding selects and frames its subnet; arrows and Enter do the same from the keyboard', async ({
  page,
}) => {
  const d = await open(page);
  const p = d.problems;
  const row = p.locator('[data-code="SUBNET_OVERLAP"]').nth(2);
  const name = (await row.locator('.cc-prow__name').textContent())!;
  const id = name.replace(/^dup (\d+)\.(\d+)$/, 'dup-$1-$2');
  await row.hover();
  await expect(d.node(id).locator('.is-highlighted')).toHaveCount(1);
  await row.click();
  // The subnet and the one it overlaps, framed.
  await expect(d.node(id)).toHaveClass(/\bselected\b/);
  await expect(d.inspector).toContainText('2 objects selected');
  await expectInView(page, d.node(id));
  // The whole message, below the list.
  await expect(p.locator('.cc-problems__detail')).toContainText(`Subnet ${name} (`);

  // Down one row and Enter: the next finding's subnet.
  await row.focus();
  await page.keyboard.press('ArrowDown');
  const next = p.locator('[data-code="SUBNET_OVERLAP"]').nth(3);
  await expect(next).toBeFocused();
  const nextName = (await next.locator('.cc-prow__name').textContent())!;
  await page.keyboard.press('Enter');
  const nextId = nextName.replace(/^dup (\d+)\.(\d+)$/, 'dup-$1-$2');
  await expect(d.node(nextId)).toHaveClass(/\bselected\b/);
  await expectInView(page, d.node(nextId));

  // Left goes up to the group, Left again folds it.
  await p.locator('[data-code="SUBNET_OVERLAP"]').first().focus();
  await page.keyboard.press('ArrowLeft');
  const group = p.locator('[data-group="SUBNET_OVERLAP"]');
  await expect(group).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(p.locator('[data-code="SUBNET_OVERLAP"]')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(p.locator('[data-code="SUBNET_OVERLAP"]').first()).toBeVisible();
});

test('the problems panel passes axe with a thousand findings, a focused row and its detail', async ({
  page,
}) => {
  const d = await open(page);
  await d.problems.locator('[data-code="SUBNET_OVERLAP"]').first().focus();
  await expect(d.problems.locator('.cc-problems__detail')).toBeVisible();
  const r = await new AxeBuilder({ page }).include('.cc-problems').analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
});
