// Where traffic goes next: CCN attachments (which VPCs and IDCs a CCN joins) and route table
// entries (a destination and the gateway, peering, CCN, IDC or CVM it goes through):
//   tencentcloud_ccn_attachment(_v2) ccn_id, instance_type (VPC, VPNGW, DIRECTCONNECT), instance_id
//   tencentcloud_route_table_entry   route_table_id, destination_cidr_block, next_type, next_hub
import { parseCidr } from '../../../domain/ip/cidr';
import type { Route } from '../../../domain/model/plan';
import type { TfResource } from '../resources';
import { ImportError } from '../types';
import type { Mapping } from './mapping';
import { cidr, need } from './values';

const NEXT_TYPES_KEPT = new Set([
  'NAT',
  'PEERCONNECTION',
  'CCN',
  'USER_CCN',
  'VPN',
  'DIRECTCONNECT',
  'NORMAL_CVM',
  'CVM',
]);

/** After the IDCs, which both attach to CCNs and are next hops. */
export function mapLinks(m: Mapping): void {
  for (const type of ['tencentcloud_ccn_attachment', 'tencentcloud_ccn_attachment_v2'])
    m.each(type, (r) => mapCcnAttachment(m, r));
  m.each('tencentcloud_route_table_entry', (r) => mapRoute(m, r));
}

function mapCcnAttachment(m: Mapping, r: TfResource): void {
  const ccn = m.ccns.get(m.ref(m.ccns, r, 'ccn_id', 'tencentcloud_ccn'))!;
  const type = need(r, 'instance_type');
  // An IDC's CCN gateway is a variable in an export (CIDR Canvas does not create it): left out
  // and said so; the CCN's cidr-canvas line still names the IDC.
  const instance =
    type === 'VPC'
      ? need(r, 'instance_id')
      : m.optional(r, 'instance_id', () => need(r, 'instance_id'));
  if (instance === undefined) return;
  let members: string[];
  if (type === 'VPC') members = [m.ref(m.vpcs, r, 'instance_id', 'tencentcloud_vpc', instance)];
  else if (type === 'VPNGW')
    members = m.ccnGatewayIdcs.get(instance) ?? m.idcsOfVpnGateway.get(instance) ?? [];
  else if (type === 'DIRECTCONNECT') members = m.idcs.has(instance) ? [instance] : [];
  else {
    m.skipped.add(
      r.type,
      r.address,
      `instance_type ${type} is not modelled (VPC, VPNGW and DIRECTCONNECT are)`,
    );
    return;
  }
  if (members.length === 0) {
    m.skipped.add(r.type, r.address, `${type} ${instance} reaches no IDC of the input`);
    return;
  }
  for (const m of members) if (!ccn.attachments.includes(m)) ccn.attachments.push(m);
}

function mapRoute(m: Mapping, r: TfResource): void {
  const table = m.tables.get(m.ref(m.tables, r, 'route_table_id', 'tencentcloud_route_table'))!;
  const destination = cidr(r, 'destination_cidr_block', 'any');
  const type = need(r, 'next_type');
  if (!NEXT_TYPES_KEPT.has(type)) {
    m.skipped.add(r.type, r.address, `next_type ${type} is not modelled`);
    return;
  }
  const hub = need(r, 'next_hub');
  let target: string | undefined;
  switch (type) {
    case 'NAT':
      target = m.ref(m.nats, r, 'next_hub', 'tencentcloud_nat_gateway', hub);
      break;
    case 'PEERCONNECTION':
      target = m.ref(m.peerings, r, 'next_hub', 'tencentcloud_vpc_peer_connect_manager', hub);
      break;
    case 'CCN':
    case 'USER_CCN':
      target = m.ref(m.ccns, r, 'next_hub', 'tencentcloud_ccn', hub);
      break;
    case 'VPN': {
      const idcs = m.idcsOfVpnGateway.get(hub);
      if (!idcs)
        throw new ImportError(
          r.where('next_hub'),
          `next_hub ${JSON.stringify(hub)} names no tencentcloud_vpn_gateway with a connection in the input`,
        );
      const d = parseCidr(destination);
      target =
        idcs.find(
          (id) =>
            d.ok &&
            m.idcs.get(id)?.cidrs.some((c) => {
              const x = parseCidr(c);
              return (
                x.ok &&
                x.cidr.family === d.cidr.family &&
                x.cidr.lo <= d.cidr.lo &&
                d.cidr.hi <= x.cidr.hi
              );
            }),
        ) ?? idcs[0];
      break;
    }
    case 'DIRECTCONNECT':
      target = m.ref(m.idcs, r, 'next_hub', 'tencentcloud_dc_gateway', hub);
      break;
    default: {
      // NORMAL_CVM takes the CVM's private IP; CVM its instance id.
      target = m.cvmByIp.get(hub) ?? (m.resources.get(hub)?.kind === 'cvm' ? hub : undefined);
      if (target === undefined)
        throw new ImportError(
          r.where('next_hub'),
          `next_hub ${JSON.stringify(hub)} is no tencentcloud_instance (by private IP or id) of the input`,
        );
    }
  }
  const route: Route = { destination, target: target! };
  table.routes.push(route);
}
