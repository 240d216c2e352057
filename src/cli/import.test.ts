// The import command end to end: the plan on standard output, the report on standard error,
// exit 0 or 2, --from, --into.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support/cli-run';

const STATE = 'examples/network.tfstate.json';
const TCCLI = readdirSync('examples/tccli').map((f) => `examples/tccli/${f}`);
const dir = tempDir('import');

const run = (...args: string[]) => runCli('import', ...args);

describe('cidr-canvas import', () => {
  it('prints the plan, laid out, and the report on standard error', () => {
    const r = run(STATE);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as {
      vpcs: { id: string }[];
      layout: Record<string, unknown>;
    };
    expect(plan.vpcs.map((v) => v.id)).toEqual(['vpc-2x8f0q1m']);
    expect(plan.layout['subnet-7d3kq9ve']).toBeDefined();
    expect(r.stderr).toBe(
      [
        'Imported (terraform-state): 1 VPC, 2 subnets, 1 cluster, 1 resource, 1 NAT gateway, 1 route table.',
        '1 aws_* resource skipped: not tencentcloud (module.legacy.aws_vpc.main[0])',
        '1 tencentcloud_eip resource skipped: an EIP is not modelled (NAT gateways and nodes carry their own egress) (tencentcloud_eip.egress)',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('merges --into a plan: objects with the same id are updated, not duplicated', () => {
    const first = run(...TCCLI);
    expect(first.code).toBe(0);
    const base = join(dir, 'base.json');
    writeFileSync(base, first.stdout);
    const r = run('--from', 'tencentcloud-api', ...TCCLI, '--into', base);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Merged into');
    expect(r.stderr).toContain('0 added, 0 updated, 12 unchanged.');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(first.stdout));
  }, 60_000);

  it('exits 2 with the reason when nothing can be imported, and prints no plan', () => {
    const aws = join(dir, 'aws.json');
    writeFileSync(
      aws,
      JSON.stringify({
        format_version: '1.0',
        values: {
          root_module: {
            resources: [
              {
                address: 'aws_vpc.a',
                mode: 'managed',
                type: 'aws_vpc',
                name: 'a',
                provider_name: 'registry.terraform.io/hashicorp/aws',
                values: {},
              },
            ],
          },
        },
      }),
    );
    const r = run(aws);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${aws}: no tencentcloud resources: 1 aws_* resource skipped\nNothing imported.\n`,
    );
  }, 60_000);

  it('exits 2 on wrong arguments and on a file that cannot be read', () => {
    expect(run().code).toBe(2);
    expect(run('--from', 'cloudformation', STATE).stderr).toContain(
      '--from takes terraform-state, terraform, tencentcloud-api',
    );
    const missing = run(join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file');
  }, 60_000);
});
