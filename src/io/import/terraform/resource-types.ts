// Which Terraform resource types the import reads, and why the others are skipped.
import type { ResourceKind } from '../../../domain/model/plan';

export const RESOURCE_KIND_OF_TYPE: Readonly<Record<string, ResourceKind>> = {
  tencentcloud_instance: 'cvm',
  tencentcloud_mysql_instance: 'cdb',
  tencentcloud_redis_instance: 'redis',
  tencentcloud_clb_instance: 'clb',
  // The export's stand-in for kinds the provider has no resource for (memcached, other): an
  // interface holding the address; the kind itself travels in the cidr-canvas line.
  tencentcloud_eni: 'other',
};

/** Types read here; any other type is skipped and reported. */
export const MAPPED_TYPES = new Set([
  'tencentcloud_vpc',
  'tencentcloud_vpc_ipv6_cidr_block',
  'tencentcloud_vpc_ipv6_subnet_cidr_block',
  'tencentcloud_subnet',
  'tencentcloud_route_table',
  'tencentcloud_route_table_entry',
  'tencentcloud_nat_gateway',
  'tencentcloud_vpc_peer_connect_manager',
  'tencentcloud_ccn',
  'tencentcloud_ccn_attachment',
  'tencentcloud_ccn_attachment_v2',
  'tencentcloud_kubernetes_cluster',
  'tencentcloud_kubernetes_node_pool',
  'tencentcloud_vpn_customer_gateway',
  'tencentcloud_vpn_gateway',
  'tencentcloud_vpn_connection',
  'tencentcloud_dc_gateway',
  'tencentcloud_dc_gateway_ccn_route',
  ...Object.keys(RESOURCE_KIND_OF_TYPE),
]);

/** Types that exist beside a network but are not part of what CIDR Canvas models. */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  tencentcloud_eip: 'an EIP is not modelled (NAT gateways and nodes carry their own egress)',
  tencentcloud_security_group: 'security groups are not modelled',
  tencentcloud_security_group_rule: 'security groups are not modelled',
  tencentcloud_security_group_lite_rule: 'security groups are not modelled',
};

export function skipReason(type: string): string {
  return NOT_MODELLED[type] ?? 'not a network object CIDR Canvas models';
}
