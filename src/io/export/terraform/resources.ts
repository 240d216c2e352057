// Resources in subnets: each kind as the provider's resource for it, or an ENI holding its address.
import { label } from '../../../domain/model/defaults';
import type { Resource } from '../../../domain/model/plan';
import { attr, blank, block, bool, note, num, str, truncateUtf8, type Item } from '../hcl';
import { tags } from '../terraform-carry';
import { NAME_MAX_BYTES, type TfContext } from './context';

/** tencentcloud_redis_instance type_id of Memcached 1.6 (the provider's list of type ids). */
const MEMCACHED_TYPE_ID = 200;
const MYSQL_NAME_MAX = 100;
const CVM_NAME_MAX = 128;

const KIND_LABEL: Readonly<Record<Resource['kind'], string>> = {
  cdb: 'MySQL database',
  redis: 'Redis cache',
  memcached: 'Memcached cache',
  cvm: 'CVM',
  clb: 'Load balancer',
  other: 'Resource',
};

/** A CLB name as the provider accepts it: Chinese characters, letters, digits, `_` and `-`. */
function clbName(r: Resource): string {
  const cleaned = Array.from(label(r).replace(/[^\p{Script=Han}A-Za-z0-9_-]/gu, '-'))
    .slice(0, NAME_MAX_BYTES)
    .join('');
  return truncateUtf8(cleaned, NAME_MAX_BYTES) || 'clb';
}

export function resourceItems(cx: TfContext, r: Resource): Item[] {
  const s = cx.ix.subnet(r.subnet);
  const v = cx.ix.vpc(s?.vpc);
  const head = cx.describe('resource', r, KIND_LABEL[r.kind]);
  if (!s || !v) return [...head, note('Left out: its subnet or VPC is missing'), blank];
  const where = [
    ...cx.providerFor(v.id),
    attr('vpc_id', cx.ref('tencentcloud_vpc', v.id)),
    attr('subnet_id', cx.ref('tencentcloud_subnet', s.id)),
  ];
  const name = cx.tf(r.id);
  const at = r.ip ? ` at ${r.ip}` : '';
  switch (r.kind) {
    case 'cdb':
      return [
        ...head,
        note(
          `MySQL ${label(r)}${at}: the provider cannot set its address${r.ip ? ' (kept in the line above)' : ''}.`,
        ),
        block(`resource "tencentcloud_mysql_instance" "${name}"`, [
          cx.nameArg(r, 'instance_name', MYSQL_NAME_MAX),
          ...where,
          ...(s.zone !== undefined ? [attr('availability_zone', str(s.zone))] : []),
          attr(
            'mem_size',
            cx.sizeVariable('mysql_mem_size', 'Memory of the MySQL instances, in MB', 1000),
          ),
          attr(
            'volume_size',
            cx.sizeVariable('mysql_volume_size', 'Disk of the MySQL instances, in GB', 50),
          ),
          tags(r.id),
        ]),
        blank,
      ];
    case 'redis':
    case 'memcached': {
      const memcached = r.kind === 'memcached';
      return [
        ...head,
        note(
          `${memcached ? 'Memcached (redis_instance type_id 200)' : 'Redis'} ${label(r)}${at}: the provider cannot set its address at creation.`,
        ),
        block(`resource "tencentcloud_redis_instance" "${name}"`, [
          cx.nameArg(r),
          ...where,
          attr('availability_zone', cx.zoneOf(s)),
          attr(
            'type_id',
            memcached
              ? num(MEMCACHED_TYPE_ID)
              : cx.sizeVariable(
                  'redis_type_id',
                  'tencentcloud_redis_instance type_id of the Redis caches (15: Redis 6.2 standard)',
                  15,
                ),
          ),
          attr(
            'mem_size',
            cx.sizeVariable(
              'redis_mem_size',
              'Memory of the Redis and Memcached caches, in MB',
              1024,
            ),
          ),
          attr(
            'password',
            cx.variable({
              name: 'redis_password',
              comments: ['Password of the Redis and Memcached caches (8 to 16 characters).'],
              description: 'Password of the Redis and Memcached caches',
              sensitive: true,
            }),
          ),
          tags(r.id),
        ]),
        blank,
      ];
    }
    case 'cvm':
      return [
        ...head,
        block(`resource "tencentcloud_instance" "${name}"`, [
          cx.nameArg(r, 'instance_name', CVM_NAME_MAX),
          ...where,
          attr('availability_zone', cx.zoneOf(s)),
          attr(
            'image_id',
            cx.variable({
              name: 'cvm_image_id',
              comments: ['Image of the CVMs (img-...).'],
              description: 'Image ID of the CVMs',
            }),
          ),
          attr(
            'instance_type',
            cx.variable({
              name: 'cvm_instance_type',
              comments: ['Instance type of the CVMs (for example SA2.MEDIUM4).'],
              description: 'Instance type of the CVMs',
            }),
          ),
          ...(r.ip ? [attr('private_ip', str(r.ip))] : []),
          tags(r.id),
        ]),
        blank,
      ];
    case 'clb':
      return [
        ...head,
        block(`resource "tencentcloud_clb_instance" "${name}"`, [
          attr('network_type', str('INTERNAL')),
          attr('clb_name', str(clbName(r))),
          ...where,
          ...(r.ip ? [attr('vip', str(r.ip))] : []),
          tags(r.id),
        ]),
        blank,
      ];
    default:
      return [
        ...head,
        note(
          `The provider has no resource for "${r.kind}": an elastic network interface holds its address in the subnet.`,
        ),
        block(`resource "tencentcloud_eni" "${name}"`, [
          cx.nameArg(r),
          ...where,
          ...(r.ip ? [] : [attr('ipv4_count', num(1))]),
          tags(r.id, { 'cidr-canvas-kind': r.kind }),
          ...(r.ip
            ? [blank, block('ipv4s', [attr('ip', str(r.ip)), attr('primary', bool(true))])]
            : []),
        ]),
        blank,
      ];
  }
}
