// An IDC attached to a CCN by dragging on the canvas, then kept without a VPC of its own; a
// subnet's zone picked from its VPC's region, and the mismatch warning when it is not.
import { expect, test } from '@playwright/test';
import { Designer } from './support/designer';

test('connecting an IDC to a CCN on the canvas attaches it (one undo step); the IDC can then drop its VPC', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.05, fy: 0.05 });
  await d.drop('On-prem IDC', d.pane, { fx: 0.75, fy: 0.75 });
  await d.drop('CCN', d.pane, { fx: 0.75, fy: 0.15 });
  await expect(d.nodesOfKind('idc')).toHaveCount(1);
  await expect(d.nodesOfKind('ccn')).toHaveCount(1);
  const [idcId] = await d.idsOf('idc');
  const [ccnId] = await d.idsOf('ccn');
  const ccnEdges = page.locator('.react-flow__edge[data-kind="ccn"]');
  const idcLinks = page.locator('.react-flow__edge[data-kind="idc"]');
  await expect(idcLinks).toHaveCount(1);
  await expect(ccnEdges).toHaveCount(0);

  // Drag from the IDC's connect handle onto the CCN.
  const idc = d.node(idcId!);
  await idc.hover();
  const handle = idc.locator('.cc-handle-connect');
  const target = await d.node(ccnId!).boundingBox();
  await handle.hover();
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, {
    steps: 10,
  });
  await page.mouse.up();
  await expect(ccnEdges).toHaveCount(1);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Attached');
  await d.node(ccnId!).click();
  await expect(d.node(ccnId!)).toContainText('1 attached');
  await expect(
    d.inspector.getByRole('group', { name: 'Attachments' }).getByRole('checkbox', { name: /IDC/ }),
  ).toBeChecked();

  // One undo takes the attachment back; redo brings it again.
  await page.keyboard.press('Control+z');
  await expect(ccnEdges).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(ccnEdges).toHaveCount(1);

  // The IDC keeps only its CCN attachment: no VPC link, no read error, no lost work.
  await idc.click();
  await d.inspector.getByLabel('VPC').selectOption({ label: 'None (reached through a CCN)' });
  await expect(idcLinks).toHaveCount(0);
  await expect(ccnEdges).toHaveCount(1);
  await d.waitValidated();
  await expect(d.problems).not.toContainText('ROUTE_TARGET_INVALID');
  // Reload: autosave kept the IDC on the CCN with no VPC.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(d.node(idcId!)).toBeVisible();
  await expect(page.locator('.react-flow__edge[data-kind="ccn"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-kind="idc"]')).toHaveCount(0);
});

test("a subnet's zone is picked from its VPC region's zones; another region's zone shows the mismatch warning", async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  await d.drop('VPC', d.pane, { fx: 0.1, fy: 0.15 });
  const [vpcId] = await d.idsOf('vpc');
  const vpc = d.node(vpcId!);
  await d.drop('Subnet', vpc, { fx: 0.1, fy: 0.25 });
  const [subnetId] = await d.idsOf('subnet');

  // The VPC's region, typed.
  await vpc.locator('.cc-vpc__head').click();
  const region = d.inspector.getByLabel('Region');
  await region.fill('');
  await region.pressSequentially('ap-guangzhou');
  await region.blur();

  // The subnet's zone: a pick list of that region's zones.
  await d.node(subnetId!).click();
  const zone = d.inspector.getByLabel('Zone', { exact: true });
  await expect(zone.locator('option')).toContainText([
    'None',
    'ap-guangzhou-3',
    'ap-guangzhou-4',
    'Other…',
  ]);
  await zone.selectOption('ap-guangzhou-3');
  await expect(zone).toHaveValue('ap-guangzhou-3');
  await d.waitValidated();
  await expect(d.problems).not.toContainText('SUBNET_ZONE_REGION_MISMATCH');

  // Another value stays possible: typed, from another region, it is a warning on the subnet.
  await zone.selectOption({ label: 'Other…' });
  const other = d.inspector.getByLabel('Other zone');
  await other.fill('');
  await other.pressSequentially('ap-shanghai-2');
  await other.blur();
  await expect(d.problems).toContainText('SUBNET_ZONE_REGION_MISMATCH');
  await expect(d.node(subnetId!)).toHaveAttribute('data-status', 'warning');
  await expect(d.inspector).toContainText('ap-shanghai-2');

  // Picking a zone of the region again clears it.
  await zone.selectOption('ap-guangzhou-2');
  await expect(d.problems).not.toContainText('SUBNET_ZONE_REGION_MISMATCH');
  await expect(d.node(subnetId!)).toHaveAttribute('data-status', 'ok');
});
