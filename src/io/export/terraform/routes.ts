// Route tables and their entries: each valid route becomes a route_table_entry with its next hop.
import { label } from '../../../domain/model/defaults';
import type { RouteTable } from '../../../domain/model/plan';
import { invalidTargetReason } from '../../../domain/routing/route-table';
import { attr, blank, block, note, str, type Expr, type Item } from '../hcl';
import { tags } from '../terraform-carry';
import { IS_V4, type TfContext } from './context';

export function routeTableItems(cx: TfContext, t: RouteTable): Item[] {
  if (!cx.ix.vpc(t.vpc)) return cx.leftOut('routeTable', t, 'its VPC is missing');
  const out: Item[] = [
    ...cx.describe('routeTable', t),
    block(`resource "tencentcloud_route_table" "${cx.tf(t.id)}"`, [
      ...cx.providerFor(t.vpc),
      attr('vpc_id', cx.ref('tencentcloud_vpc', t.vpc)),
      cx.nameArg(t),
      tags(t.id),
    ]),
    blank,
  ];
  t.routes.forEach((route, i) => {
    const n = i + 1;
    const what = `Route ${n} of ${label(t)}: ${route.destination} via ${route.target}`;
    const reason = invalidTargetReason(cx.ix, t.vpc, route);
    if (reason !== undefined) {
      out.push(note(`${what} left out: ${reason} (ROUTE_TARGET_INVALID)`), blank);
      return;
    }
    if (!IS_V4(route.destination)) {
      out.push(
        note(`${what} left out: tencentcloud_route_table_entry takes IPv4 destinations only`),
        blank,
      );
      return;
    }
    const hop = nextHop(cx, t.vpc, route.target);
    out.push(
      note(what),
      ...hop.comments.map(note),
      block(cx.part('tencentcloud_route_table_entry', t.id, String(n)), [
        ...cx.providerFor(t.vpc),
        attr('route_table_id', cx.ref('tencentcloud_route_table', t.id)),
        attr('destination_cidr_block', str(route.destination)),
        attr('next_type', str(hop.type)),
        attr('next_hub', hop.hub),
      ]),
      blank,
    );
  });
  return out;
}

/** next_type and next_hub for a route target already known to be valid. */
export function nextHop(
  cx: TfContext,
  vpcId: string,
  target: string,
): { type: string; hub: Expr; comments: string[] } {
  switch (cx.ix.kindOf(target)) {
    case 'natGateway':
      return { type: 'NAT', hub: cx.ref('tencentcloud_nat_gateway', target), comments: [] };
    case 'peering':
      return {
        type: 'PEERCONNECTION',
        hub: cx.ref('tencentcloud_vpc_peer_connect_manager', target),
        comments: [],
      };
    case 'ccn':
      // USER_CCN is the API's type for a custom route to a CCN; CCN is for routes it adds itself.
      return { type: 'USER_CCN', hub: cx.ref('tencentcloud_ccn', target), comments: [] };
    case 'idc': {
      const idc = cx.ix.idc(target)!;
      if (idc.vpc !== vpcId) {
        // Not the IDC's own VPC: the route is valid through a CCN both are attached to.
        const via = cx.plan.ccns.find(
          (c) => c.attachments.includes(idc.id) && c.attachments.includes(vpcId),
        )!;
        return {
          type: 'USER_CCN',
          hub: cx.ref('tencentcloud_ccn', via.id),
          comments: [`Next hop: CCN ${label(via)}, to which IDC ${label(idc)} is attached.`],
        };
      }
      const dc = idc.link === 'direct-connect';
      return {
        type: dc ? 'DIRECTCONNECT' : 'VPN',
        hub: cx.ref(dc ? 'tencentcloud_dc_gateway' : 'tencentcloud_vpn_gateway', idc.id),
        comments: [`Next hop: the ${dc ? 'Direct Connect' : 'VPN'} gateway to IDC ${label(idc)}.`],
      };
    }
    default: {
      const r = cx.ix.resource(target)!;
      return {
        type: 'NORMAL_CVM',
        hub: cx.ref('tencentcloud_instance', r.id, 'private_ip'),
        comments: [`Next hop: CVM ${label(r)}, by its private IP.`],
      };
    }
  }
}
