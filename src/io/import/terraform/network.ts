// The network itself: VPCs (with their secondary and IPv6 ranges), subnets, route tables, NAT
// gateways, peerings and CCNs. The same resource types and argument names as the export
// (src/io/export/terraform.ts) and the provider's documentation:
//   tencentcloud_vpc                 name, cidr_block, assistant_cidrs
//   tencentcloud_vpc_ipv6_cidr_block vpc_id, ipv6_cidr_block (allocated by Tencent Cloud)
//   tencentcloud_vpc_ipv6_subnet_cidr_block  vpc_id, ipv6_subnet_cidr_blocks { subnet_id, ipv6_cidr_block }
//   tencentcloud_subnet              vpc_id, name, cidr_block, availability_zone, route_table_id
//   tencentcloud_route_table         vpc_id, name
//   tencentcloud_nat_gateway         vpc_id, name
//   tencentcloud_vpc_peer_connect_manager  source_vpc_id, destination_vpc_id, peering_connection_name
//   tencentcloud_ccn                 name, description
import type { Ccn, Subnet, Vpc } from '../../../domain/model/plan';
import { named, type Mutable } from '../draft';
import type { Mapping } from './mapping';
import { cidr, str, strList } from './values';

/** The network's objects, before anything that lives in them refers to them. */
export function mapNetwork(m: Mapping): void {
  m.each('tencentcloud_vpc', (r) => {
    const vpc: Mutable<Vpc> = named({ id: r.id, cidr: cidr(r, 'cidr_block', 4) }, str(r, 'name'));
    if (r.region) vpc.region = r.region;
    const secondary = strList(r, 'assistant_cidrs').map((c) => cidr(r, 'assistant_cidrs', 4, c));
    if (secondary.length > 0) vpc.secondaryCidrs = secondary;
    m.vpcs.set(r.id, vpc);
  });
  m.each('tencentcloud_vpc_ipv6_cidr_block', (r) => {
    const vpc = m.vpcs.get(m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc'))!;
    const block = m.optional(r, 'ipv6_cidr_block', () => str(r, 'ipv6_cidr_block'));
    if (block !== undefined) vpc.ipv6Cidr = cidr(r, 'ipv6_cidr_block', 6, block);
    else
      m.notes.push(
        `${r.at}: the IPv6 range of VPC ${vpc.name ?? vpc.id} is allocated by Tencent Cloud and not known yet: left out`,
      );
  });
  m.each('tencentcloud_route_table', (r) => {
    const vpc = m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
    m.tables.set(r.id, named({ id: r.id, vpc, routes: [] }, str(r, 'name')));
  });
  m.each('tencentcloud_subnet', (r) => {
    const vpc = m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
    const s: Mutable<Subnet> = named(
      { id: r.id, vpc, cidr: cidr(r, 'cidr_block', 4) },
      str(r, 'name'),
    );
    const zone = m.optional(r, 'availability_zone', () => str(r, 'availability_zone'));
    if (zone !== undefined) s.zone = zone;
    const table = str(r, 'route_table_id');
    // A state names the VPC's default table, which Terraform does not manage: that is what a
    // subnet without a table means in the plan.
    if (table !== undefined && m.tables.has(table)) s.routeTable = table;
    m.subnets.set(r.id, s);
  });
  m.each('tencentcloud_vpc_ipv6_subnet_cidr_block', (r) => {
    for (const b of r.blocks('ipv6_subnet_cidr_blocks')) {
      const s = m.subnets.get(m.subnetRef(b, 'subnet_id'))!;
      const block = m.optional(b, 'ipv6_cidr_block', () => str(b, 'ipv6_cidr_block'));
      if (block !== undefined) s.ipv6Cidr = cidr(b, 'ipv6_cidr_block', 6, block);
    }
  });
  m.each('tencentcloud_nat_gateway', (r) => {
    const vpc = m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc');
    m.nats.set(r.id, named({ id: r.id, vpc }, str(r, 'name')));
  });
  m.each('tencentcloud_vpc_peer_connect_manager', (r) => {
    const a = m.ref(m.vpcs, r, 'source_vpc_id', 'tencentcloud_vpc');
    const b = m.ref(m.vpcs, r, 'destination_vpc_id', 'tencentcloud_vpc');
    m.peerings.set(
      r.id,
      named({ id: r.id, vpcs: [a, b] as const }, str(r, 'peering_connection_name')),
    );
  });
  m.each('tencentcloud_ccn', (r) => {
    const c: Mutable<Ccn> = named({ id: r.id, attachments: [] }, str(r, 'name'));
    const d = str(r, 'description');
    if (d !== undefined) c.description = d;
    m.ccns.set(r.id, c);
  });
}
