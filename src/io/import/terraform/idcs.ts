// IDCs, which Terraform describes only by the gateways and connections that reach them:
//   over VPN: tencentcloud_vpn_customer_gateway (the IDC: name), tencentcloud_vpn_gateway
//             (vpc_id), tencentcloud_vpn_connection (vpn_gateway_id, customer_gateway_id,
//             security_group_policy { local_cidr_block, remote_cidr_block })
//   over Direct Connect: tencentcloud_dc_gateway (name, network_type VPC or CCN,
//             network_instance_id), tencentcloud_dc_gateway_ccn_route (dcg_id, cidr_block)
import { parseCidr } from '../../../domain/ip/cidr';
import type { Idc } from '../../../domain/model/plan';
import { named, type Mutable } from '../draft';
import type { TfResource } from '../resources';
import { ImportError } from '../types';
import type { Mapping } from './mapping';
import { cidr, need, str, strList } from './values';

/** IDCs over VPN, then over Direct Connect; CCN attachments and routes refer to both. */
export function mapIdcs(m: Mapping): void {
  mapVpnIdcs(m);
  mapDcIdcs(m);
}

/** IDCs reached over VPN: one per customer gateway, its ranges from the connections' policies. */
function mapVpnIdcs(m: Mapping): void {
  m.each('tencentcloud_vpn_gateway', (r) => {
    const type = str(r, 'type') ?? 'IPSEC';
    const vpcId = str(r, 'vpc_id');
    const ccnGateway = type === 'CCN' || type === 'SSL_CCN';
    m.vpnGatewayVpc.set(
      r.id,
      ccnGateway || vpcId === undefined
        ? undefined
        : m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc', vpcId),
    );
  });
  const customers = new Map<string, TfResource>();
  m.each('tencentcloud_vpn_customer_gateway', (r) => customers.set(r.id, r));
  const used = new Set<string>();
  m.each('tencentcloud_vpn_connection', (r) => {
    // An IDC on a CCN reaches it through a CCN VPN gateway the export leaves to a variable.
    const gw = m.optional(r, 'vpn_gateway_id', () =>
      m.ref(m.vpnGatewayVpc, r, 'vpn_gateway_id', 'tencentcloud_vpn_gateway'),
    );
    const cgwId = m.ref(customers, r, 'customer_gateway_id', 'tencentcloud_vpn_customer_gateway');
    const cgw = customers.get(cgwId)!;
    used.add(cgwId);
    const vpc =
      (gw === undefined ? undefined : m.vpnGatewayVpc.get(gw)) ??
      (str(r, 'vpc_id') !== undefined ? m.ref(m.vpcs, r, 'vpc_id', 'tencentcloud_vpc') : undefined);
    let idc = m.idcs.get(cgwId);
    if (!idc) {
      idc = named<Mutable<Idc>>({ id: cgwId, cidrs: [], link: 'vpn' }, str(cgw, 'name'));
      m.idcs.set(cgwId, idc);
      m.planIds.set(cgwId, cgw.planId ?? cgwId);
    }
    if (vpc !== undefined && idc.vpc === undefined) idc.vpc = vpc;
    for (const p of r.blocks('security_group_policy')) {
      for (const c of strList(p, 'remote_cidr_block')) {
        const text = cidr(p, 'remote_cidr_block', 'any', c);
        if (!idc.cidrs.includes(text)) idc.cidrs.push(text);
      }
      const local = str(p, 'local_cidr_block');
      if (local !== undefined) {
        const text = cidr(p, 'local_cidr_block', 'any', local);
        const back = (idc.returnRoutes ??= []);
        if (!back.includes(text)) back.push(text);
      }
    }
    if (gw === undefined) return;
    const list = m.idcsOfVpnGateway.get(gw) ?? [];
    if (!list.includes(cgwId)) list.push(cgwId);
    m.idcsOfVpnGateway.set(gw, list);
    if (m.vpnGatewayVpc.get(gw) === undefined) m.ccnGatewayIdcs.set(gw, list);
  });
  for (const [id, r] of customers) {
    if (!used.has(id))
      m.skipped.add(r.type, r.address, 'no tencentcloud_vpn_connection uses this customer gateway');
  }
  for (const [id, idc] of m.idcs) {
    if (idc.cidrs.length === 0) {
      m.idcs.delete(id);
      m.skipped.add(
        'tencentcloud_vpn_customer_gateway',
        id,
        'its VPN connections name no remote ranges (security_group_policy.remote_cidr_block)',
      );
    }
  }
}

/** IDCs reached over Direct Connect: one per Direct Connect gateway. */
function mapDcIdcs(m: Mapping): void {
  const ranges = new Map<string, string[]>();
  m.each('tencentcloud_dc_gateway_ccn_route', (r) => {
    // A CCN gateway of an IDC that CIDR Canvas does not create is a variable in an export.
    const dcg = m.optional(r, 'dcg_id', () => need(r, 'dcg_id'));
    if (dcg === undefined) return;
    const list = ranges.get(dcg) ?? [];
    list.push(cidr(r, 'cidr_block', 'any'));
    ranges.set(dcg, list);
  });
  // Routes through a gateway say what lies behind it, too.
  for (const e of m.byType.get('tencentcloud_route_table_entry') ?? []) {
    try {
      if (str(e, 'next_type') !== 'DIRECTCONNECT') continue;
      const hub = str(e, 'next_hub');
      const dest = str(e, 'destination_cidr_block');
      if (hub === undefined || dest === undefined || !parseCidr(dest).ok) continue;
      const list = ranges.get(hub) ?? [];
      if (!list.includes(dest)) list.push(dest);
      ranges.set(hub, list);
    } catch {
      // Reported when the route itself is read.
    }
  }
  m.each('tencentcloud_dc_gateway', (r) => {
    const type = need(r, 'network_type');
    const cidrs = ranges.get(r.id) ?? [];
    if (cidrs.length === 0) {
      m.skipped.add(
        r.type,
        r.address,
        'no IDC ranges: no tencentcloud_dc_gateway_ccn_route or route through it',
      );
      return;
    }
    const idc: Mutable<Idc> = named({ id: r.id, cidrs, link: 'direct-connect' }, str(r, 'name'));
    if (type === 'VPC') idc.vpc = m.ref(m.vpcs, r, 'network_instance_id', 'tencentcloud_vpc');
    else if (type === 'CCN') {
      const ccn = m.ccns.get(m.ref(m.ccns, r, 'network_instance_id', 'tencentcloud_ccn'))!;
      if (!ccn.attachments.includes(r.id)) ccn.attachments.push(r.id);
    } else
      throw new ImportError(
        r.where('network_type'),
        `network_type should be VPC or CCN, got ${JSON.stringify(type)}`,
      );
    m.idcs.set(r.id, idc);
    m.planIds.set(r.id, r.planId ?? r.id);
  });
}
