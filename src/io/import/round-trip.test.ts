// Export then import gives back the same network (docs/spec/cli.md): for every plan P, the
// findings of import(export --format terraform P) equal those of P, and so do the paths of the
// default flows (flows are not infrastructure and do not travel through Terraform).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../domain/analyze';
import { COLLECTIONS, type Plan } from '../../domain/model/plan';
import { validPlanArb } from '../../test-support/arbitraries';
import { TEMPLATE_TEXTS } from '../export/templates.test-support';
import { planToTerraform } from '../export/terraform';
import { parsePlanText } from '../parse';
import { importFiles } from './import';

/** What the network is: findings and the paths of the default flows, layout and flows aside. */
function network(p: Plan) {
  const { flows: _flows, layout: _layout, ...rest } = p;
  const a = analyzePlan(rest);
  return { findings: a.findings, paths: a.paths };
}

async function roundTrip(p: Plan): Promise<Plan> {
  const r = await importFiles([{ name: 'main.tf', text: planToTerraform(p) }]);
  if (!r.ok) throw new Error(r.problems.map((x) => `${x.where}: ${x.message}`).join('\n'));
  return r.plan;
}

describe('export to Terraform, then import', () => {
  for (const [name, text] of Object.entries(TEMPLATE_TEXTS)) {
    it(`gives back the same network: ${name}`, async () => {
      const parsed = parsePlanText(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const back = await roundTrip(parsed.value);
      expect(network(back)).toEqual(network(parsed.value));
    });
  }

  it('gives back objects named like HCL keywords (in, for, if, null)', async () => {
    const parsed = parsePlanText(
      JSON.stringify({
        format: 'cidr-canvas/plan',
        version: 1,
        vpcs: [{ id: 'vpc-a', name: 'in', region: 'ap-guangzhou', cidr: '10.0.0.0/16' }],
        subnets: [
          { id: 'sn-a', name: 'for', vpc: 'vpc-a', cidr: '10.0.1.0/24', zone: 'ap-guangzhou-3' },
          { id: 'sn-b', name: 'if', vpc: 'vpc-a', cidr: '10.0.2.0/24', zone: 'ap-guangzhou-3' },
        ],
        clusters: [
          {
            id: 'cls-a',
            name: 'null',
            vpc: 'vpc-a',
            nodeSubnets: ['sn-a'],
            containerCidr: '172.16.0.0/16',
          },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const tf = planToTerraform(parsed.value);
    expect(tf).toContain('resource "tencentcloud_vpc" "n_in"');
    const back = await roundTrip(parsed.value);
    expect(network(back)).toEqual(network(parsed.value));
  });

  it('gives back a route to an IDC that the file sends through the CCN they share', async () => {
    const parsed = parsePlanText(
      JSON.stringify({
        format: 'cidr-canvas/plan',
        version: 1,
        vpcs: [
          { id: 'vpc-0', cidr: '10.0.0.0/16' },
          { id: 'vpc-2', cidr: '10.2.0.0/16' },
        ],
        ccns: [{ id: 'ccn-0', attachments: ['vpc-2', 'idc-0'] }],
        idcs: [{ id: 'idc-0', cidrs: ['192.168.0.0/16'] }],
        routeTables: [
          {
            id: 'rtb-0',
            vpc: 'vpc-2',
            routes: [
              { destination: '0.0.0.0/0', target: 'idc-0' },
              { destination: '192.168.1.0/24', target: 'idc-0' },
            ],
          },
        ],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const back = await roundTrip(parsed.value);
    expect(back.routeTables[0]?.routes).toEqual(parsed.value.routeTables[0]?.routes);
    expect(network(back)).toEqual(network(parsed.value));
  });

  it('gives back the same network for generated plans', async () => {
    await fc.assert(
      // An empty network exports to a file with nothing in it, which import refuses (exit 2).
      fc.asyncProperty(
        validPlanArb.filter((p) => COLLECTIONS.some((c) => p[c].length > 0)),
        async (p) => {
          const back = await roundTrip(p);
          expect(network(back)).toEqual(network(p));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
