// The plan templates the app offers: each reads as a plan, has no error finding, shows a mix of
// paths, is laid out for the canvas, and exports to Terraform with all of its objects.
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../domain/analyze';
import { clusterMode } from '../../domain/model/defaults';
import type { Plan } from '../../domain/model/plan';
import { parsePlanText } from '../parse';
import { attributes, blockHeaders, resourceBody, scanHcl } from './hcl-reader.test-support';
import { TEMPLATE_TEXTS } from './templates.test-support';
import { planToCsv } from './address-table';
import { planToTerraform, terraformNames } from './terraform';

const NEW_TEMPLATES = [
  'single-cluster.plan.json',
  'two-clusters-one-vpc.plan.json',
  'peered-vpcs.plan.json',
  'hybrid-idc-vpn.plan.json',
  'vpc-cni.plan.json',
];

function read(file: string): Plan {
  const r = parsePlanText(TEMPLATE_TEXTS[file]!);
  if (!r.ok) throw new Error(`${file}: ${r.error.path}: ${r.error.message}`);
  return r.value;
}

describe('plan templates', () => {
  it('are all there', () => {
    for (const f of [...NEW_TEMPLATES, 'sample.plan.json'])
      expect(Object.keys(TEMPLATE_TEXTS)).toContain(f);
  });

  for (const file of Object.keys(TEMPLATE_TEXTS).sort()) {
    describe(file, () => {
      it('reads as a plan, with a name, and has no error finding', () => {
        const p = read(file);
        expect(p.name).toBeTruthy();
        const errors = analyzePlan(p).findings.filter((f) => f.severity === 'error');
        expect(errors).toEqual([]);
      });

      it('shows direct and snat paths', () => {
        const verdicts = new Set(analyzePlan(read(file)).paths.map((x) => x.verdict));
        expect(verdicts).toContain('direct');
        expect(verdicts).toContain('snat');
      });

      it('places every VPC, subnet, cluster, NAT gateway, resource and IDC on the canvas', () => {
        const p = read(file);
        const layout = p.layout ?? {};
        for (const o of [
          ...p.vpcs,
          ...p.subnets,
          ...p.clusters,
          ...p.natGateways,
          ...p.resources,
          ...p.idcs,
          ...p.ccns,
        ])
          expect(layout, o.id).toHaveProperty([o.id]);
        for (const o of [...p.vpcs, ...p.subnets]) {
          expect(layout[o.id]!.width, o.id).toBeGreaterThan(0);
          expect(layout[o.id]!.height, o.id).toBeGreaterThan(0);
        }
        // Subnets fit inside their VPC's box; their coordinates are relative to it.
        for (const s of p.subnets) {
          const box = layout[s.id]!;
          const outer = layout[s.vpc]!;
          expect(box.x + box.width!, s.id).toBeLessThanOrEqual(outer.width!);
          expect(box.y + box.height!, s.id).toBeLessThanOrEqual(outer.height!);
        }
      });

      it('exports to Terraform with every object and its key arguments', () => {
        const p = read(file);
        const tf = planToTerraform(p);
        const names = terraformNames(p);
        const tfName = (id: string) => names.get(id)!;
        const scan = scanHcl(tf);
        expect(scan.problems).toEqual([]);
        expect(scan.templates).toEqual([]);
        const headers = blockHeaders(tf);
        const has = (type: string, id: string) =>
          expect(headers, `${type}.${id}`).toContainEqual({
            kind: 'resource',
            type,
            name: tfName(id),
          });
        const a = (type: string, id: string) => attributes(resourceBody(tf, type, tfName(id)));
        const ref = (type: string, id: string) => `${type}.${tfName(id)}.id`;

        for (const v of p.vpcs) {
          expect(a('tencentcloud_vpc', v.id).cidr_block).toBe(JSON.stringify(v.cidr));
          if (v.secondaryCidrs)
            expect(a('tencentcloud_vpc', v.id).assistant_cidrs).toBe(
              `[${v.secondaryCidrs.map((c) => JSON.stringify(c)).join(', ')}]`,
            );
          if (v.ipv6Cidr) has('tencentcloud_vpc_ipv6_cidr_block', v.id);
        }
        for (const s of p.subnets) {
          expect(a('tencentcloud_subnet', s.id)).toMatchObject({
            vpc_id: ref('tencentcloud_vpc', s.vpc),
            cidr_block: JSON.stringify(s.cidr),
            availability_zone: JSON.stringify(s.zone),
            ...(s.routeTable
              ? { route_table_id: ref('tencentcloud_route_table', s.routeTable) }
              : {}),
          });
        }
        for (const t of p.routeTables) {
          expect(a('tencentcloud_route_table', t.id).vpc_id).toBe(ref('tencentcloud_vpc', t.vpc));
          t.routes.forEach((r, i) => {
            const e = attributes(
              resourceBody(tf, 'tencentcloud_route_table_entry', `${tfName(t.id)}_${i + 1}`),
            );
            expect(e.route_table_id).toBe(ref('tencentcloud_route_table', t.id));
            expect(e.destination_cidr_block).toBe(JSON.stringify(r.destination));
            expect(e.next_type).toMatch(
              /^"(NAT|PEERCONNECTION|USER_CCN|VPN|DIRECTCONNECT|NORMAL_CVM)"$/,
            );
          });
        }
        for (const n of p.natGateways) {
          has('tencentcloud_eip', n.id);
          expect(a('tencentcloud_nat_gateway', n.id)).toMatchObject({
            vpc_id: ref('tencentcloud_vpc', n.vpc),
            assigned_eip_set: `[tencentcloud_eip.${tfName(n.id)}.public_ip]`,
          });
        }
        for (const x of p.peerings) {
          expect(a('tencentcloud_vpc_peer_connect_manager', x.id)).toMatchObject({
            source_vpc_id: ref('tencentcloud_vpc', x.vpcs[0]),
            destination_vpc_id: ref('tencentcloud_vpc', x.vpcs[1]),
          });
        }
        for (const c of p.ccns) has('tencentcloud_ccn', c.id);
        // Every object with a resource of its own carries its plan id in a tag.
        for (const o of [
          ...p.vpcs,
          ...p.subnets,
          ...p.routeTables,
          ...p.natGateways,
          ...p.ccns,
          ...p.clusters,
          ...p.idcs,
          ...p.resources,
        ])
          expect(tf).toMatch(
            new RegExp(`tags +?= \\{ "cidr-canvas-id" = ${JSON.stringify(o.id)}[ ,]`),
          );
        for (const c of p.clusters) {
          const k = a('tencentcloud_kubernetes_cluster', c.id);
          expect(k.vpc_id).toBe(ref('tencentcloud_vpc', c.vpc));
          if (clusterMode(c) === 'vpc-cni') {
            expect(k.network_type).toBe('"VPC-CNI"');
            expect(k.eni_subnet_ids).toBe(
              `[${(c.podSubnets ?? []).map((s) => ref('tencentcloud_subnet', s)).join(', ')}]`,
            );
            expect(k.service_cidr).toBe(JSON.stringify(c.serviceCidr));
          } else {
            expect(k.network_type).toBe('"GR"');
            expect(k.cluster_cidr).toBe(JSON.stringify(c.containerCidr));
            expect(k.cluster_max_pod_num).toBe(String(c.maxPodsPerNode ?? 256));
            expect(k.cluster_max_service_num).toBe(String(c.maxServices ?? 256));
          }
          expect(
            attributes(
              resourceBody(tf, 'tencentcloud_kubernetes_node_pool', `${tfName(c.id)}_nodes`),
            ).subnet_ids,
          ).toBe(`[${(c.nodeSubnets ?? []).map((s) => ref('tencentcloud_subnet', s)).join(', ')}]`);
        }
      });

      it('exports its address table', () => {
        const p = read(file);
        const lines = planToCsv(p).trimEnd().split('\r\n');
        const ranges =
          p.vpcs.length +
          p.vpcs.reduce((n, v) => n + (v.secondaryCidrs?.length ?? 0) + (v.ipv6Cidr ? 1 : 0), 0) +
          p.subnets.reduce((n, s) => n + 1 + (s.ipv6Cidr ? 1 : 0), 0) +
          p.resources.filter((r) => r.ip).length +
          p.idcs.reduce((n, i) => n + i.cidrs.length, 0);
        expect(lines.length).toBeGreaterThan(ranges);
      });
    });
  }

  it('between them, route through NAT gateways, peerings, VPN and Direct Connect', () => {
    const types = new Set<string>();
    for (const f of NEW_TEMPLATES)
      for (const m of planToTerraform(read(f)).matchAll(/next_type\s+= "([A-Z_]+)"/g))
        types.add(m[1]!);
    expect([...types].sort()).toEqual(['DIRECTCONNECT', 'NAT', 'PEERCONNECTION', 'VPN']);
  });

  it('between them, show an unreachable path with its reason', () => {
    const reasons = NEW_TEMPLATES.flatMap((f) =>
      analyzePlan(read(f))
        .paths.filter((x) => x.verdict === 'unreachable')
        .map((x) => x.reason),
    );
    expect(reasons).toEqual(expect.arrayContaining(['PEERING_NOT_TRANSITIVE', 'NO_RETURN_ROUTE']));
  });
});
