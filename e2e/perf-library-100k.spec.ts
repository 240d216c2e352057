// A 100,000-object plan in the library: opened from a file, it is written to IndexedDB (one body
// of tens of megabytes), and after a reload it is the plan open again and listed with its object
// count. In the perf project: minutes of a browser working alone, without a trace.
import { expect, test } from '@playwright/test';
import { countObjects, generatePlan } from '../bench/generate';
import { COLLECTIONS } from '../src/domain/model/plan';
import { Designer } from './support/designer';
import { openPlan } from './support/search';

type Box = { x: number; y: number; width?: number; height?: number };

/**
 * Boxes for every object of a generated plan, on grids: laying out 100,000 objects with ELK takes
 * minutes and is not what this test is about (e2e/open-large.spec.ts covers that). Subnets sit in
 * their VPC, resources in their subnet, as the designer nests them.
 */
function gridLayout(plan: ReturnType<typeof generatePlan>): Record<string, Box> {
  const layout: Record<string, Box> = {};
  const resourcesOf = new Map<string, string[]>();
  for (const r of plan.resources) {
    const list = resourcesOf.get(r.subnet) ?? [];
    list.push(r.id);
    resourcesOf.set(r.subnet, list);
  }
  const subnetsOf = new Map<string, string[]>();
  for (const sn of plan.subnets) {
    const list = subnetsOf.get(sn.vpc) ?? [];
    list.push(sn.id);
    subnetsOf.set(sn.vpc, list);
  }
  const inVpc = new Map<string, string[]>();
  for (const o of [...plan.clusters, ...plan.natGateways]) {
    const list = inVpc.get(o.vpc) ?? [];
    list.push(o.id);
    inVpc.set(o.vpc, list);
  }
  const SUBNET_W = 340;
  let vx = 0;
  plan.vpcs.forEach((v, i) => {
    let subnetH = 120;
    const subnets = subnetsOf.get(v.id) ?? [];
    for (const sn of subnets) {
      const rs = resourcesOf.get(sn) ?? [];
      subnetH = Math.max(subnetH, 70 + Math.ceil(rs.length / 2) * 70);
      rs.forEach((r, k) => (layout[r] = { x: 12 + (k % 2) * 160, y: 60 + Math.floor(k / 2) * 70 }));
    }
    const cols = Math.max(1, Math.ceil(Math.sqrt(subnets.length)));
    subnets.forEach((sn, k) => {
      layout[sn] = {
        x: 20 + (k % cols) * (SUBNET_W + 20),
        y: 60 + Math.floor(k / cols) * (subnetH + 20),
        width: SUBNET_W,
        height: subnetH,
      };
    });
    const rows = Math.ceil(subnets.length / cols);
    const others = inVpc.get(v.id) ?? [];
    const otherY = 60 + rows * (subnetH + 20);
    others.forEach(
      (o, k) => (layout[o] = { x: 20 + (k % 6) * 220, y: otherY + Math.floor(k / 6) * 90 }),
    );
    const width = Math.max(1400, 40 + cols * (SUBNET_W + 20));
    const height = otherY + Math.ceil(others.length / 6) * 90 + 40;
    layout[v.id] = { x: vx, y: (i % 2) * 200, width, height };
    vx += width + 200;
  });
  [...plan.ccns, ...plan.idcs].forEach((o, k) => (layout[o.id] = { x: k * 260, y: -400 }));
  return layout;
}

type Win = { cidrCanvas: { library: { savedPlanText(): Promise<string | null> } } };

test('a 100,000-object plan is saved in the library and is there after a reload', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const d = new Designer(page);
  await d.open();
  const generated = generatePlan(100_000, 20240601);
  const plan = { ...generated, name: 'generated 100k', layout: gridLayout(generated) };
  // The list counts network objects, a route table as one; the bench's count adds each route.
  const objects = COLLECTIONS.reduce((n, c) => n + plan[c].length, 0);
  const shown = `${objects.toLocaleString('en-US')} objects`;
  const t0 = Date.now();
  await openPlan(page, 'generated-100k.json', plan, 240_000);
  const openedMs = Date.now() - t0;
  await expect(page.locator('.cc-plan-name')).toHaveText('generated 100k');

  // Saved: the library's copy of the open plan is this plan, every object of it.
  const t1 = Date.now();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const text = await (window as unknown as Win).cidrCanvas.library.savedPlanText();
          if (!text) return null;
          const p = JSON.parse(text) as Record<string, { id: string }[] | string>;
          const n = (k: string) => (Array.isArray(p[k]) ? p[k].length : 0);
          return {
            name: p.name,
            vpcs: n('vpcs'),
            subnets: n('subnets'),
            clusters: n('clusters'),
            resources: n('resources'),
          };
        }),
      { timeout: 120_000, intervals: [1_000] },
    )
    .toEqual({
      name: 'generated 100k',
      vpcs: plan.vpcs.length,
      subnets: plan.subnets.length,
      clusters: plan.clusters.length,
      resources: plan.resources.length,
    });
  const savedMs = Date.now() - t1;

  // The Plans dialog lists it with its object count.
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Plans' });
  const item = dialog.getByRole('listitem').filter({ hasText: 'generated 100k' });
  await expect(item).toContainText(shown);
  await expect(item).toContainText('Open now');

  // A reload opens it again from the library, whole.
  const t2 = Date.now();
  await page.reload();
  // Seconds of reading before the designer is drawn: the page says what it is doing meanwhile.
  await expect(
    page.getByRole('status').filter({ hasText: `“generated 100k” (${shown})…` }),
  ).toBeVisible();
  await expect(page.locator('.cc-plan-name')).toHaveText('generated 100k', { timeout: 240_000 });
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle', {
    timeout: 240_000,
  });
  const reopenedMs = Date.now() - t2;
  await expect(d.nodesOfKind('vpc').first()).toBeVisible();
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Plans' })
      .getByRole('listitem')
      .filter({ hasText: 'generated 100k' }),
  ).toContainText(shown);
  const report = { objects, withRoutes: countObjects(plan), openedMs, savedMs, reopenedMs };
  test.info().annotations.push({ type: 'perf', description: JSON.stringify(report) });
  process.stdout.write(`library 100k: ${JSON.stringify(report)}\n`);
});
