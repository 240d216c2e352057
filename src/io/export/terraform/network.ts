// VPCs and their subnets, with their IPv6 ranges as offsets into what Tencent Cloud allocates.
import { cidrOf, contains } from '../../../domain/ip/cidr';
import { label } from '../../../domain/model/defaults';
import type { Subnet, Vpc } from '../../../domain/model/plan';
import { attr, blank, block, list, note, raw, str, type Expr, type Item } from '../hcl';
import { tags } from '../terraform-carry';
import type { TfContext } from './context';

export function vpcItems(cx: TfContext, v: Vpc): Item[] {
  const items: Item[] = [...cx.providerFor(v.id), cx.nameArg(v), attr('cidr_block', str(v.cidr))];
  if (v.secondaryCidrs && v.secondaryCidrs.length > 0)
    items.push(attr('assistant_cidrs', list(v.secondaryCidrs.map(str))));
  items.push(tags(v.id));
  const out: Item[] = [
    ...cx.describe('vpc', v),
    block(`resource "tencentcloud_vpc" "${cx.tf(v.id)}"`, items),
    blank,
  ];
  if (v.ipv6Cidr) {
    out.push(
      note(`The plan gives this VPC the IPv6 range ${v.ipv6Cidr}. Tencent Cloud allocates the`),
      note('actual /56 itself; subnets below take the same position inside it as in the plan.'),
      block(`resource "tencentcloud_vpc_ipv6_cidr_block" "${cx.tf(v.id)}"`, [
        ...cx.providerFor(v.id),
        attr('vpc_id', cx.ref('tencentcloud_vpc', v.id)),
      ]),
      blank,
    );
  }
  return out;
}

export function subnetItems(cx: TfContext, s: Subnet): Item[] {
  if (!cx.ix.vpc(s.vpc)) return cx.leftOut('subnet', s, 'its VPC is missing');
  const items: Item[] = [
    ...cx.providerFor(s.vpc),
    attr('vpc_id', cx.ref('tencentcloud_vpc', s.vpc)),
    cx.nameArg(s),
    attr('cidr_block', str(s.cidr)),
    attr('availability_zone', cx.zoneOf(s)),
  ];
  if (s.routeTable && cx.ix.routeTable(s.routeTable))
    items.push(attr('route_table_id', cx.ref('tencentcloud_route_table', s.routeTable)));
  items.push(tags(s.id));
  return [
    ...cx.describe('subnet', s),
    ...(s.routeTable ? [] : [note("No route table in the plan: the VPC's default table.")]),
    block(`resource "tencentcloud_subnet" "${cx.tf(s.id)}"`, items),
    blank,
    ...ipv6SubnetItems(cx, s),
  ];
}

/**
 * The subnet's IPv6 range, as an offset into the range Tencent Cloud allocates its VPC. One
 * resource per subnet: the provider takes one `ipv6_subnet_cidr_blocks` block per resource.
 */
export function ipv6SubnetItems(cx: TfContext, s: Subnet): Item[] {
  if (!s.ipv6Cidr) return [];
  const v = cx.ix.vpc(s.vpc)!;
  if (!v.ipv6Cidr)
    return [
      note(
        `Subnet ${label(s)} has IPv6 range ${s.ipv6Cidr} but VPC ${label(v)} has none: left out`,
      ),
      blank,
    ];
  const vpc6 = cidrOf(v.ipv6Cidr);
  const sub6 = cidrOf(s.ipv6Cidr);
  let value: Expr;
  if (contains(vpc6, sub6) && sub6.family === 6 && vpc6.family === 6) {
    const newBits = sub6.prefix - vpc6.prefix;
    const index = (sub6.lo - vpc6.lo) >> BigInt(128 - sub6.prefix);
    value =
      newBits === 0
        ? cx.ref('tencentcloud_vpc_ipv6_cidr_block', v.id, 'ipv6_cidr_block')
        : raw(
            `cidrsubnet(tencentcloud_vpc_ipv6_cidr_block.${cx.tf(v.id)}.ipv6_cidr_block, ${newBits}, ${index})`,
          );
  } else value = str(s.ipv6Cidr);
  return [
    note(`${label(s)}: ${s.ipv6Cidr} in the plan`),
    block(`resource "tencentcloud_vpc_ipv6_subnet_cidr_block" "${cx.tf(s.id)}"`, [
      ...cx.providerFor(v.id),
      attr('vpc_id', cx.ref('tencentcloud_vpc', v.id)),
      blank,
      block('ipv6_subnet_cidr_blocks', [
        attr('subnet_id', cx.ref('tencentcloud_subnet', s.id)),
        attr('ipv6_cidr_block', value),
      ]),
    ]),
    blank,
  ];
}
