import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';

const TCCLI = new URL('../examples/tccli/', import.meta.url);
const tccliFiles = () =>
  readdirSync(TCCLI).map((name) => ({
    name,
    mimeType: 'application/json',
    buffer: readFileSync(new URL(name, TCCLI)),
  }));

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Import… adds tccli responses, picked together, to the current plan; one undo takes it all back', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await expect(d.node('cls-prod')).toBeVisible();
  const vpcsBefore = await d.nodesOfKind('vpc').count();

  const dialog = await openImport(page);
  await dialog.getByLabel('Files to import').setInputFiles(tccliFiles());
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText(
    'Imported: 2 VPCs, 3 subnets, 1 cluster, 1 NAT gateway, 1 peering, 1 CCN, 1 IDC, 2 route tables',
  );
  await expect(report).toContainText('12 added, 0 updated');
  await expect(report).toContainText(
    'DescribeClusters does not say which subnets the nodes are in',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The imported network is on the canvas, inside its parents, beside the sample plan.
  await expect(d.nodesOfKind('vpc')).toHaveCount(vpcsBefore + 2);
  await expect(d.node('vpc-2x8f0q1m')).toContainText('10.0.0.0/16');
  await expect(d.node('cls-m2k8d9qx')).toBeVisible();
  await expect(d.node('subnet-7d3kq9ve')).toContainText('10.0.0.0/20');
  const vpcBox = (await d.node('vpc-2x8f0q1m').boundingBox())!;
  const subnetBox = (await d.node('subnet-7d3kq9ve').boundingBox())!;
  expect(subnetBox.x).toBeGreaterThanOrEqual(vpcBox.x);
  expect(subnetBox.y + subnetBox.height).toBeLessThanOrEqual(vpcBox.y + vpcBox.height);
  await expect(d.node('cls-prod')).toBeVisible();
  await d.waitValidated();

  // Importing the same files again updates nothing and duplicates nothing.
  const again = await openImport(page);
  await again.getByLabel('Files to import').setInputFiles(tccliFiles());
  await expect(again.getByRole('region', { name: 'Import report' })).toContainText(
    '0 added, 0 updated, 12 already as in the plan',
  );
  await again.getByRole('button', { name: 'Done' }).click();
  await expect(d.nodesOfKind('vpc')).toHaveCount(vpcsBefore + 2);

  // One undo takes the whole import back; the sample plan is as it was.
  await page.keyboard.press('Control+z');
  await expect(d.node('vpc-2x8f0q1m')).toHaveCount(0);
  await expect(d.nodesOfKind('vpc')).toHaveCount(vpcsBefore);
  await expect(d.node('cls-prod')).toBeVisible();
});

test('a Terraform state dropped on the dialog is imported; its EIP is reported as skipped', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.newPlan();
  const dialog = await openImport(page);
  const text = readFileSync(new URL('../examples/network.tfstate.json', import.meta.url), 'utf8');
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'network.tfstate.json', { type: 'application/json' }));
    return dt;
  }, text);
  await dialog.getByTestId('import-drop').dispatchEvent('drop', { dataTransfer: data });
  const report = dialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText(
    'Imported: 1 VPC, 2 subnets, 1 cluster, 1 resource, 1 NAT gateway, 1 route table',
  );
  await expect(report).toContainText(
    '1 aws_* resource skipped: not tencentcloud (module.legacy.aws_vpc.main[0])',
  );
  await expect(report).toContainText('1 tencentcloud_eip resource skipped: an EIP is not modelled');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(d.node('cls-m2k8d9qx')).toBeVisible();
  await expect(d.node('cdb-8qk2m3xz')).toContainText('10.0.16.10');
  await d.waitValidated();
  await d.node('cls-m2k8d9qx').click();
  await expect(d.pathEdge('cls-m2k8d9qx', 'internet')).toHaveAttribute('data-verdict', 'snat');
});

test('bad input is refused with where and why, and the plan stays as it was', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  const vpcsBefore = await d.nodesOfKind('vpc').count();
  const dialog = await openImport(page);
  const aws = {
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: {
      root_module: {
        resources: Array.from({ length: 42 }, (_, i) => ({
          address: `aws_subnet.s${i}`,
          mode: 'managed',
          type: 'aws_subnet',
          name: `s${i}`,
          provider_name: 'registry.terraform.io/hashicorp/aws',
          values: { id: `subnet-${i}` },
        })),
      },
    },
  };
  await dialog.getByLabel('Files to import').setInputFiles({
    name: 'aws.tfstate.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(aws)),
  });
  const problems = dialog.getByRole('alert');
  await expect(problems).toContainText('Nothing was imported: your plan is unchanged');
  await expect(problems).toContainText(
    'aws.tfstate.json: no tencentcloud resources: 42 aws_* resources skipped',
  );

  // A .tf file that refers to a VPC it does not hold.
  await dialog.getByLabel('Files to import').setInputFiles({
    name: 'subnets.tf',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'resource "tencentcloud_subnet" "a" {\n  vpc_id            = tencentcloud_vpc.core.id\n  cidr_block        = "10.9.1.0/24"\n  availability_zone = "ap-guangzhou-3"\n}\n',
    ),
  });
  await expect(problems).toContainText(
    'subnets.tf:2: tencentcloud_subnet.a: vpc_id: tencentcloud_vpc.core is not in the files',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(d.nodesOfKind('vpc')).toHaveCount(vpcsBefore);
});
