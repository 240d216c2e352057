// What joins networks: NAT gateways (with their EIP), peerings, and CCNs with their attachments.
import { label } from '../../../domain/model/defaults';
import type { Ccn, Idc, NatGateway, Peering } from '../../../domain/model/plan';
import {
  attr,
  blank,
  block,
  list,
  note,
  raw,
  str,
  truncateUtf8,
  type Expr,
  type Item,
} from '../hcl';
import { tags } from '../terraform-carry';
import { IS_V4, type TfContext } from './context';

const CCN_DESCRIPTION_MAX_BYTES = 100;

export function natItems(cx: TfContext, n: NatGateway): Item[] {
  if (!cx.ix.vpc(n.vpc)) return cx.leftOut('natGateway', n, 'its VPC is missing');
  const name = cx.tf(n.id);
  return [
    ...cx.describe('natGateway', n),
    note('A NAT gateway needs at least one EIP (assigned_eip_set).'),
    block(`resource "tencentcloud_eip" "${name}"`, [
      ...cx.providerFor(n.vpc),
      cx.nameArg(n),
      tags(n.id),
    ]),
    blank,
    block(`resource "tencentcloud_nat_gateway" "${name}"`, [
      ...cx.providerFor(n.vpc),
      attr('vpc_id', cx.ref('tencentcloud_vpc', n.vpc)),
      cx.nameArg(n),
      attr('assigned_eip_set', list([cx.ref('tencentcloud_eip', n.id, 'public_ip')])),
      tags(n.id),
    ]),
    blank,
  ];
}

export function peeringItems(cx: TfContext, p: Peering): Item[] {
  const [a, b] = p.vpcs;
  if (!cx.ix.vpc(a) || !cx.ix.vpc(b)) return cx.leftOut('peering', p, 'a VPC is missing');
  cx.usesUserInfo = true;
  return [
    ...cx.describe('peering', p),
    note(`From VPC ${label(cx.ix.vpc(a))} to VPC ${label(cx.ix.vpc(b))}, both in this account.`),
    block(`resource "tencentcloud_vpc_peer_connect_manager" "${cx.tf(p.id)}"`, [
      ...cx.providerFor(a),
      attr('source_vpc_id', cx.ref('tencentcloud_vpc', a)),
      cx.nameArg(p, 'peering_connection_name'),
      attr('destination_vpc_id', cx.ref('tencentcloud_vpc', b)),
      attr('destination_uin', raw('data.tencentcloud_user_info.current.owner_uin')),
      attr('destination_region', str(cx.regionOf(b))),
    ]),
    blank,
  ];
}

/** The ID of the gateway that attaches an IDC to a CCN: not modelled, so a variable. */
export function idcCcnGateway(cx: TfContext, idc: Idc): Expr {
  const dc = idc.link === 'direct-connect';
  return cx.variable({
    name: `${cx.tf(idc.id)}_ccn_gateway_id`,
    comments: [
      `IDC ${label(idc)} (${idc.cidrs.join(', ')}) is attached to a CCN over ${dc ? 'Direct Connect' : 'VPN'}.`,
      dc
        ? 'Create its Direct Connect gateway of network type CCN, then set its ID here.'
        : 'Create its VPN gateway of type CCN, then set its ID here.',
    ],
    description: `ID of the CCN ${dc ? 'Direct Connect gateway (dcg-...)' : 'VPN gateway (vpngw-...)'} of IDC ${label(idc)}`,
  });
}

export function ccnItems(cx: TfContext, c: Ccn): Item[] {
  const items: Item[] = [cx.nameArg(c)];
  if (c.description)
    items.push(attr('description', str(truncateUtf8(c.description, CCN_DESCRIPTION_MAX_BYTES))));
  items.push(tags(c.id));
  const out: Item[] = [
    ...cx.describe('ccn', c),
    block(`resource "tencentcloud_ccn" "${cx.tf(c.id)}"`, items),
    blank,
  ];
  for (const member of new Set(c.attachments)) {
    const v = cx.ix.vpc(member);
    const idc = cx.ix.idc(member);
    if (v || idc) {
      const dc = idc?.link === 'direct-connect';
      out.push(
        ...(idc ? [note(`IDC ${label(idc)} through its CCN gateway.`)] : []),
        block(cx.part('tencentcloud_ccn_attachment_v2', c.id, cx.tf(member)), [
          attr('ccn_id', cx.ref('tencentcloud_ccn', c.id)),
          attr('instance_type', str(v ? 'VPC' : dc ? 'DIRECTCONNECT' : 'VPNGW')),
          attr('instance_id', v ? cx.ref('tencentcloud_vpc', v.id) : idcCcnGateway(cx, idc!)),
          attr('instance_region', str(cx.regionOf(v ? v.id : idc!.vpc))),
        ]),
        blank,
      );
      // A gateway publishes an IDC's ranges once, however many CCNs list the IDC.
      if (idc && dc && !cx.publishedIdcs.has(idc.id)) {
        cx.publishedIdcs.add(idc.id);
        idc.cidrs.filter(IS_V4).forEach((cidr, i) => {
          out.push(
            note(`IDC ${label(idc)} publishes ${cidr} to the CCN.`),
            block(cx.part('tencentcloud_dc_gateway_ccn_route', c.id, `${cx.tf(idc.id)}_${i + 1}`), [
              attr('dcg_id', idcCcnGateway(cx, idc)),
              attr('cidr_block', str(cidr)),
            ]),
            blank,
          );
        });
      }
      continue;
    }
    const cl = cx.ix.cluster(member);
    out.push(
      cl
        ? note(
            `Cluster ${label(cl)} registers its container CIDR with CCN ${label(c)}: the provider has no resource for this; turn it on in the TKE console.`,
          )
        : note(`Attachment ${member} of CCN ${label(c)} left out: not a VPC, IDC or cluster`),
      blank,
    );
  }
  return out;
}
