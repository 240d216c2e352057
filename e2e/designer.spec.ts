import { expect, test } from '@playwright/test';
import { Designer } from './support/designer';

test('draw a VPC, a subnet and a cluster; a conflicting container CIDR lights up and undo clears it; a NAT route draws the SNAT edge; reload keeps it all', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();

  await d.drop('VPC', d.pane, { fx: 0.1, fy: 0.15 });
  await expect(d.nodesOfKind('vpc')).toHaveCount(1);
  const [vpcId] = await d.idsOf('vpc');
  const vpc = d.node(vpcId!);
  await expect(vpc).toContainText('10.0.0.0/16');

  await d.drop('Subnet', vpc, { fx: 0.1, fy: 0.25 });
  await expect(d.nodesOfKind('subnet')).toHaveCount(1);
  await expect(d.nodesOfKind('subnet')).toContainText('10.0.0.0/24');

  await d.drop('TKE cluster', vpc, { fx: 0.6, fy: 0.3 });
  await expect(d.nodesOfKind('cluster')).toHaveCount(1);
  const [clusterId] = await d.idsOf('cluster');
  const cluster = d.node(clusterId!);
  await expect(d.inspector.getByLabel('Container CIDR')).toHaveValue('172.16.0.0/16');
  await d.waitValidated();
  await expect(cluster).toHaveAttribute('data-status', 'ok');

  // Type a container CIDR inside the VPC: the cluster and the VPC are marked, the finding listed.
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('');
  await field.pressSequentially('10.0.128.0/17');
  await field.blur();
  await expect(cluster).toHaveAttribute('data-status', 'error');
  await expect(vpc).toHaveAttribute('data-status', 'error');
  await expect(d.problems).toContainText('CLUSTER_CIDR_OVERLAPS_VPC');
  await expect(d.problems.locator('[data-count="error"]')).toContainText('1 error');

  // One undo step takes the whole typed value back.
  await page.keyboard.press('Control+z');
  await expect(d.problems).not.toContainText('CLUSTER_CIDR_OVERLAPS_VPC');
  await expect(cluster).toHaveAttribute('data-status', 'ok');
  await expect(vpc).toHaveAttribute('data-status', 'ok');
  await expect(field).toHaveValue('172.16.0.0/16');

  // Without a NAT gateway the internet is out of reach.
  await expect(d.pathEdge(clusterId!, 'internet')).toHaveAttribute('data-verdict', 'unreachable');

  // A NAT gateway and a default route to it: the SNAT edge to the internet appears.
  await d.drop('NAT gateway', vpc, { fx: 0.8, fy: 0.7 });
  await expect(d.nodesOfKind('nat')).toHaveCount(1);
  await vpc.locator('.cc-vpc__head').click();
  await d.inspector.getByRole('button', { name: 'Add route table' }).click();
  await d.inspector.getByRole('button', { name: 'Add route', exact: true }).click();
  await expect(d.inspector.getByLabel('Destination')).toHaveValue('0.0.0.0/0');
  await d.inspector.getByRole('group', { name: 'Subnets using it' }).getByRole('checkbox').check();
  await cluster.click();
  const edge = d.pathEdge(clusterId!, 'internet');
  await expect(edge).toHaveAttribute('data-verdict', 'snat');
  await expect(page.locator('.cc-path-label--snat').first()).toContainText('SNAT');

  // Reload: the plan is back, the route and the edge with it.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(d.node(clusterId!)).toBeVisible();
  await expect(d.nodesOfKind('vpc')).toHaveCount(1);
  await expect(d.nodesOfKind('subnet')).toHaveCount(1);
  await expect(d.nodesOfKind('nat')).toHaveCount(1);
  await d.node(clusterId!).click();
  await expect(d.pathEdge(clusterId!, 'internet')).toHaveAttribute('data-verdict', 'snat');
});

test('a malformed CIDR is refused at the field and never reaches the plan', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-prod').click();
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('172.16.0.1/16');
  await expect(d.inspector.getByRole('alert')).toContainText('did you mean 172.16.0.0/16');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('172.300.0.0/16');
  await expect(d.inspector.getByRole('alert')).toContainText('above 255');
  // The field takes what a plan file may hold there, and says so as the file's parser does.
  await field.fill('2402:4e00::/56');
  await expect(d.inspector.getByRole('alert')).toHaveText(
    'Expected an IPv4 CIDR, got IPv6 "2402:4e00::/56"',
  );
  // The plan still holds the last good value.
  const stored = await page.evaluate(
    () =>
      (
        window as unknown as {
          cidrCanvas: {
            store: { getState(): { plan: { clusters: { id: string; containerCidr?: string }[] } } };
          };
        }
      ).cidrCanvas.store
        .getState()
        .plan.clusters.find((c) => c.id === 'cls-prod')?.containerCidr,
  );
  expect(stored).toBe('172.16.0.0/16');
  await expect(d.node('cls-prod')).toHaveAttribute('data-status', 'ok');
});

test('dropping a subnet outside any VPC says where it can go and adds nothing', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const before = await d.nodesOfKind('subnet').count();
  await d.drop('Subnet', d.pane, { fx: 0.02, fy: 0.05 });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'A subnet lives inside a VPC',
  );
  await expect(d.nodesOfKind('subnet')).toHaveCount(before);
});

test('the problems panel lists findings; hovering lights up their objects and clicking selects them', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-batch').click();
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('172.16.128.0/17');
  await field.blur();
  const problem = d.problems.locator('[data-code="CLUSTER_CIDR_OVERLAPS_CLUSTER"]');
  await expect(problem).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await problem.hover();
  await expect(d.node('cls-prod').locator('.cc-node')).toHaveClass(/is-highlighted/);
  await expect(d.node('cls-batch').locator('.cc-node')).toHaveClass(/is-highlighted/);
  await problem.click();
  await expect(d.node('cls-prod')).toHaveClass(/selected/);
  await expect(d.node('cls-batch')).toHaveClass(/selected/);
  await expect(d.inspector).toContainText('2 objects selected');
});

test('paths: a selected cluster shows its edges by verdict; the toggle shows every cluster; hovering an edge lists its hops', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-prod').click();
  await expect(d.pathEdge('cls-prod', 'db-orders')).toHaveAttribute('data-verdict', 'direct');
  await expect(d.pathEdge('cls-prod', 'db-billing')).toHaveAttribute('data-verdict', 'snat');
  await expect(d.pathEdge('cls-prod', 'internet')).toHaveAttribute('data-verdict', 'snat');
  await expect(d.pathEdge('cls-batch', 'idc-sh')).toHaveCount(0);
  await page.getByRole('button', { name: 'All paths' }).click();
  await expect(d.pathEdge('cls-batch', 'idc-sh')).toHaveAttribute('data-verdict', 'unreachable');
  await expect(page.getByRole('region', { name: 'Paths' })).toContainText('NO_RETURN_ROUTE');
  await page
    .getByRole('region', { name: 'Paths' })
    .locator('[data-from="cls-batch"][data-to="idc-sh"]')
    .hover();
  // Hops read as names: the node subnet nodes-gz4 (sn-batch), the IDC Shanghai IDC (idc-sh).
  await expect(page.getByRole('tooltip')).toContainText('nodes-gz4');
  await expect(page.getByRole('tooltip')).toContainText('Shanghai IDC');
});

test('dragging a subnet out of its VPC puts it back and says why; a drag is one undo step', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const subnet = d.node('sn-batch');
  const vpc = d.node('vpc-prod');
  // Where the subnet sits inside its VPC, on screen (the view may pan while dragging).
  const offset = async () => {
    const [s, v] = [await subnet.boundingBox(), await vpc.boundingBox()];
    return Math.round(s!.x - v!.x);
  };
  const start = await offset();
  const head = await subnet.locator('.cc-subnet__head').boundingBox();
  const cx = head!.x + head!.width / 2;
  const cy = head!.y + head!.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 15, cy + 5, { steps: 5 });
  await page.mouse.move(cx + 30, cy + 5, { steps: 5 });
  await page.mouse.up();
  expect(await offset()).toBeGreaterThan(start + 10);
  await page.keyboard.press('Control+z');
  await expect.poll(offset).toBe(start);

  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 100, cy + 200, { steps: 10 });
  await page.mouse.move(cx - 180, cy + 320, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'stays in its VPC',
  );
  await expect.poll(offset).toBe(start);
  // Nothing to undo: the refused move left no step behind.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('keyboard: delete, undo, duplicate, copy and paste, and the help overlay', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('db-orders').click();
  await page.keyboard.press('Delete');
  await expect(d.node('db-orders')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(d.node('db-orders')).toHaveCount(1);

  await d.node('sn-data').locator('.cc-subnet__head').click();
  await page.keyboard.press('Control+d');
  await expect(d.nodesOfKind('subnet')).toHaveCount(5);
  // The copy gets a free range and its resources come along with new addresses.
  await expect(d.problems.locator('[data-count="error"]')).toContainText('0 errors');
  await expect(d.nodesOfKind('resource')).toHaveCount(5);

  await d.node('cls-batch').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(d.nodesOfKind('cluster')).toHaveCount(3);
  await expect(d.problems.locator('[data-count="error"]')).toContainText('0 errors');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Duplicate the selection',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('peering two VPCs by connecting them on the canvas', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.05, fy: 0.05 });
  await d.drop('VPC', d.pane, { fx: 0.05, fy: 0.65 });
  await expect(d.nodesOfKind('vpc')).toHaveCount(2);
  const [a, b] = await d.idsOf('vpc');
  await d.node(a!).hover();
  const handle = d.node(a!).locator('.cc-handle-connect');
  const target = await d.node(b!).locator('.cc-vpc__head').boundingBox();
  await handle.hover();
  await page.mouse.down();
  await page.mouse.move(target!.x + 60, target!.y + 15, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge[data-kind="peering"]')).toHaveCount(1);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Peered');
});
