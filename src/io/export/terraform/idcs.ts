// IDCs: the gateways that reach them, VPN (gateway, customer gateway, connection) or Direct Connect.
import { idcReturnRoutes, label } from '../../../domain/model/defaults';
import type { Idc } from '../../../domain/model/plan';
import { attr, blank, block, list, note, str, type Item } from '../hcl';
import { tags } from '../terraform-carry';
import { idcCcnGateway } from './connections';
import { IS_V4, type TfContext } from './context';

/** An IDC's own gateways: VPN (gateway, customer gateway, connection) or Direct Connect. */
export function idcItems(cx: TfContext, idc: Idc): Item[] {
  const v = cx.ix.vpc(idc.vpc);
  const dc = idc.link === 'direct-connect';
  const over = dc ? 'Direct Connect' : 'VPN';
  const out: Item[] = [
    ...cx.describe('idc', idc),
    note(
      `${idc.cidrs.join(', ')} over ${over}${v ? ` to VPC ${label(v)}` : ''}${onCcn(cx, idc) ? ', attached to a CCN' : ''}.`,
    ),
  ];
  const name = cx.tf(idc.id);
  if (dc) {
    if (v) {
      out.push(
        block(`resource "tencentcloud_dc_gateway" "${name}"`, [
          ...cx.providerFor(v.id),
          cx.nameArg(idc),
          attr('network_type', str('VPC')),
          attr('network_instance_id', cx.ref('tencentcloud_vpc', v.id)),
          attr('gateway_type', str('NORMAL')),
          tags(idc.id),
        ]),
        blank,
        note(
          "The dedicated tunnel over the IDC's physical connection, with its ranges as static routes.",
        ),
        block(`resource "tencentcloud_dcx" "${name}"`, [
          ...cx.providerFor(v.id),
          cx.nameArg(idc),
          attr(
            'dc_id',
            cx.variable({
              name: `${name}_dc_id`,
              comments: [`The Direct Connect physical connection of IDC ${label(idc)} (dc-...).`],
              description: `ID of the physical connection (dc-...) of IDC ${label(idc)}`,
            }),
          ),
          attr('dcg_id', cx.ref('tencentcloud_dc_gateway', idc.id)),
          attr('network_type', str('VPC')),
          attr('vpc_id', cx.ref('tencentcloud_vpc', v.id)),
          attr('route_type', str('STATIC')),
          attr('route_filter_prefixes', list(idc.cidrs.filter(IS_V4).map(str))),
        ]),
        blank,
      );
    } else out.push(blank);
    return out;
  }
  const publicIp = cx.variable({
    name: `${name}_public_ip`,
    comments: [`Public IP address of the VPN device in IDC ${label(idc)}.`],
    description: `Public IP address of the customer gateway of IDC ${label(idc)}`,
  });
  out.push(
    block(`resource "tencentcloud_vpn_customer_gateway" "${name}"`, [
      ...cx.providerFor(idc.vpc),
      cx.nameArg(idc),
      attr('public_ip_address', publicIp),
      tags(idc.id),
    ]),
    blank,
  );
  if (!v && !onCcn(cx, idc)) return out;
  const key = cx.variable({
    name: `${name}_pre_share_key`,
    comments: [`Pre-shared key of the VPN tunnel to IDC ${label(idc)}.`],
    description: `Pre-shared key of the VPN connection to IDC ${label(idc)}`,
    sensitive: true,
  });
  if (!v) {
    // On a CCN only: the tunnel ends on the IDC's CCN VPN gateway (a variable), and the CCN,
    // not an SPD policy, decides what reaches the IDC.
    out.push(
      block(`resource "tencentcloud_vpn_connection" "${name}"`, [
        cx.nameArg(idc),
        attr('vpn_gateway_id', idcCcnGateway(cx, idc)),
        attr('customer_gateway_id', cx.ref('tencentcloud_vpn_customer_gateway', idc.id)),
        attr('pre_share_key', key),
        tags(idc.id),
      ]),
      blank,
    );
    return out;
  }
  const remote = idc.cidrs.filter(IS_V4);
  const local = idcReturnRoutes(idc, v).filter(IS_V4);
  out.push(
    block(`resource "tencentcloud_vpn_gateway" "${name}"`, [
      ...cx.providerFor(v.id),
      cx.nameArg(idc),
      attr('vpc_id', cx.ref('tencentcloud_vpc', v.id)),
      tags(idc.id),
    ]),
    blank,
    note(
      'One SPD policy per range the IDC routes back to the cloud (its return routes), to its ranges.',
    ),
    block(`resource "tencentcloud_vpn_connection" "${name}"`, [
      ...cx.providerFor(v.id),
      cx.nameArg(idc),
      attr('vpc_id', cx.ref('tencentcloud_vpc', v.id)),
      attr('vpn_gateway_id', cx.ref('tencentcloud_vpn_gateway', idc.id)),
      attr('customer_gateway_id', cx.ref('tencentcloud_vpn_customer_gateway', idc.id)),
      attr('pre_share_key', key),
      tags(idc.id),
      ...(remote.length > 0
        ? local.flatMap((l) => [
            blank,
            block('security_group_policy', [
              attr('local_cidr_block', str(l)),
              attr('remote_cidr_block', list(remote.map(str))),
            ]),
          ])
        : []),
    ]),
    blank,
  );
  return out;
}

export function onCcn(cx: TfContext, idc: Idc): boolean {
  return cx.plan.ccns.some((c) => c.attachments.includes(idc.id));
}
