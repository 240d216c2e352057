// Where traffic goes next: the custom routes of each table, and CCN attachments. IDCs are not
// described by the calls read: a route through a VPN or Direct Connect gateway brings in the IDC
// behind it, with the route destinations as its ranges.
import { ImportError } from '../types';
import { isRecord } from '../json-text';
import type { ApiMapping } from './read';
import { cidr, need, str, type Located } from './responses';

/** A table's USER routes; their targets must be in the input, except IDCs, which they make. */
export function mapRoutes(m: ApiMapping): void {
  m.each('RouteTableSet', (x) => {
    const table = m.tables.get(need(x, 'RouteTableId'));
    if (!table) return;
    const routes = Array.isArray(x.item.RouteSet) ? x.item.RouteSet : [];
    routes.forEach((r, i) => {
      if (!isRecord(r)) return;
      const at: Located = { item: r, where: `${x.where}.RouteSet[${i}]` };
      const routeType = str(at, 'RouteType') ?? 'USER';
      if (routeType !== 'USER') return; // Local, container and CCN routes: every table has them.
      const label = `route ${str(at, 'RouteItemId') ?? str(at, 'RouteId') ?? i} of ${table.id}`;
      if (r.Enabled === false) {
        m.skipped.add('RouteSet', label, 'disabled');
        return;
      }
      const v6 = str(at, 'DestinationIpv6CidrBlock');
      const destination =
        v6 !== undefined
          ? cidr(at, 'DestinationIpv6CidrBlock', 6, label, v6)
          : cidr(at, 'DestinationCidrBlock', 'any', label);
      const type = need(at, 'GatewayType');
      const gw = need(at, 'GatewayId');
      const missing = (what: string, call: string) =>
        new ImportError(
          `${at.where}.GatewayId`,
          `${label} goes to ${what} ${gw}, which is not in the input (add the ${call} response that lists it)`,
        );
      let target: string;
      switch (type) {
        case 'NAT':
          if (!m.nats.has(gw)) throw missing('NAT gateway', 'DescribeNatGateways');
          target = gw;
          break;
        case 'PEERCONNECTION':
          if (!m.peerings.has(gw)) throw missing('peering', 'DescribeVpcPeeringConnections');
          target = gw;
          break;
        case 'CCN':
        case 'USER_CCN':
          if (!m.ccns.has(gw)) throw missing('CCN', 'DescribeCcns');
          target = gw;
          break;
        case 'VPN':
        case 'DIRECTCONNECT': {
          let idc = m.idcs.get(gw);
          if (!idc) {
            idc = {
              id: gw,
              name: `IDC via ${gw}`,
              cidrs: [],
              vpc: table.vpc,
              link: type === 'VPN' ? 'vpn' : 'direct-connect',
            };
            m.idcs.set(gw, idc);
            m.notes.push(
              `IDC ${gw}: an IDC behind ${type === 'VPN' ? 'VPN gateway' : 'Direct Connect gateway'} ${gw}, its ranges taken from the routes through it`,
            );
          }
          if (!idc.cidrs.includes(destination)) idc.cidrs.push(destination);
          target = gw;
          break;
        }
        default:
          m.skipped.add(
            'RouteSet',
            label,
            `GatewayType ${type} is not modelled (a CVM next hop needs the CVM, which these calls do not describe)`,
          );
          return;
      }
      table.routes.push({ destination, target });
    });
  });
}

/** CCN attachments in the order they were made, of VPCs and of the IDCs the routes brought in. */
export function mapCcnAttachments(m: ApiMapping): void {
  const time = (x: Located) => (typeof x.item.AttachedTime === 'string' ? x.item.AttachedTime : '');
  m.each(
    'InstanceSet',
    (x) => {
      const ccnId = need(x, 'CcnId');
      const ccn = m.ccns.get(ccnId);
      if (!ccn)
        throw new ImportError(
          `${x.where}.CcnId`,
          `an attachment to CCN ${ccnId}, which is not in the input (add the DescribeCcns response that lists it)`,
        );
      const type = need(x, 'InstanceType');
      const instance = need(x, 'InstanceId');
      const state = str(x, 'State');
      if (state !== undefined && state !== 'ACTIVE') {
        m.skipped.add(
          'InstanceSet',
          `${instance} on ${ccnId}`,
          `state ${state}: only ACTIVE attachments carry traffic`,
        );
        return;
      }
      if (type === 'VPC') {
        if (!m.vpcs.has(instance))
          throw new ImportError(
            `${x.where}.InstanceId`,
            `VPC ${instance} attached to CCN ${ccnId} is not in the input (add the DescribeVpcs response that lists it)`,
          );
      } else if (!m.idcs.has(instance)) {
        m.skipped.add(
          'InstanceSet',
          `${instance} on ${ccnId}`,
          `${type} attachments are not modelled unless a route through the gateway says what lies behind it`,
        );
        return;
      }
      if (!ccn.attachments.includes(instance)) ccn.attachments.push(instance);
    },
    (a, b) => time(a).localeCompare(time(b)),
  );
}
