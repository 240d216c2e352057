// The address map: open it beside the canvas, hover a subnet's range and read what it is, click
// it and find it selected back on the canvas, zoom in with the wheel until its /24 label is
// drawn, filter to what one VPC sees, and no serious accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXIS_H, LANE_GAP, LANE_H } from '../src/panels/address-map/draw';
import { Designer } from './support/designer';
import { expectInView } from './support/search';

const ip = (text: string) => text.split('.').reduce((a, p) => a * 256 + Number(p), 0);

function mapOf(page: Page) {
  const region = page.getByRole('region', { name: 'Address map' });
  const canvas = region.locator('canvas');
  return {
    region,
    canvas,
    tip: region.getByRole('tooltip'),
    list: region.getByRole('region', { name: 'Ranges in view' }),
    async open() {
      await page
        .getByRole('group', { name: 'View' })
        .getByRole('button', { name: 'Address map' })
        .click();
      await expect(canvas).toHaveAttribute('data-span', /\d/);
    },
    /** The page point over address `addr` in lane `depth`, once the map has come to rest. */
    async pointAt(addr: number, depth: number): Promise<{ x: number; y: number }> {
      let last = '';
      await expect
        .poll(async () => {
          const now = `${await canvas.getAttribute('data-lo')} ${await canvas.getAttribute('data-span')}`;
          const still = now === last;
          last = now;
          return still;
        })
        .toBe(true);
      const lo = Number(await canvas.getAttribute('data-lo'));
      const span = Number(await canvas.getAttribute('data-span'));
      const box = (await canvas.boundingBox())!;
      return {
        x: box.x + ((addr - lo) / span) * box.width,
        y: box.y + AXIS_H + depth * (LANE_H + LANE_GAP) + LANE_H / 2,
      };
    },
  };
}

// In the sample, 10.0.0.0/16 holds VPC prod (lane 0) and shared-services' route to it (lane 1):
// prod's subnets are in lane 2.
const SUBNET_LANE = 2;

test('hovering a subnet names it, clicking selects it on the canvas, the wheel zooms to its label', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const map = mapOf(page);
  await map.open();
  await expect(
    map.region
      .getByRole('group', { name: 'Root range' })
      .getByRole('button', { name: /10\.0\.0\.0\/8/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(map.list).toContainText('10.0.1.0/24');

  const mid = ip('10.0.1.128');
  let p = await map.pointAt(mid, SUBNET_LANE);
  await page.mouse.move(p.x, p.y);
  await expect(map.tip).toBeVisible();
  await expect(map.tip).toContainText('10.0.1.0/24');
  await expect(map.tip).toContainText('Subnet · 256 addresses');
  await expect(map.tip).toContainText('Owner: nodes-gz3');

  await page.mouse.click(p.x, p.y);
  await expect(d.inspector.getByRole('heading', { name: 'nodes-gz3' })).toBeVisible();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Canvas' }).click();
  await expect(map.region).toHaveCount(0);
  await expect(d.node('sn-nodes')).toHaveClass(/\bselected\b/);
  await expectInView(page, d.node('sn-nodes'));

  // At the opening zoom a /24 is about a pixel wide: no room for its label.
  await map.open();
  p = await map.pointAt(mid, SUBNET_LANE);
  expect(await map.canvas.getAttribute('data-labels')).not.toContain('10.0.1.0/24');
  await page.mouse.move(p.x, p.y);
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, -400);
        await page.waitForTimeout(120);
        return (await map.canvas.getAttribute('data-labels')) ?? '';
      },
      { timeout: 20_000 },
    )
    .toContain('10.0.1.0/24  nodes-gz3');
  // The wheel zoomed around the cursor: the subnet is still under it.
  p = await map.pointAt(mid, SUBNET_LANE);
  await page.mouse.move(p.x, p.y + 1);
  await expect(map.tip).toContainText('Owner: nodes-gz3');
});

test('the VPC filter shows what one VPC sees, and the open map passes axe', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  // A VPC connected to nothing.
  await d.paletteItem('VPC').click();
  const id = (await d.inspector.locator('code').first().textContent())!.trim();
  const cidr = await d.inspector.getByLabel('CIDR', { exact: true }).inputValue();
  const map = mapOf(page);
  await map.open();
  const filter = map.region.getByLabel('Seen by');

  await expect(map.list).toContainText('10.0.1.0/24');
  await filter.selectOption(id);
  await expect(map.list).toContainText(cidr);
  await expect(map.list).not.toContainText('10.0.1.0/24');
  await expect(map.list).not.toContainText('shared-services');

  await filter.selectOption({ label: 'shared-services' });
  // Its own ranges, and prod's across the peering; not the lone VPC.
  await expect(map.list).toContainText('10.1.1.0/24');
  await expect(map.list).toContainText('10.0.1.0/24');
  await expect(map.list).not.toContainText(cidr);

  const r = await new AxeBuilder({ page }).include('.cc-amap').analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
});
