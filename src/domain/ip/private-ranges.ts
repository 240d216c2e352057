import { cidrOf, contains, type Cidr } from './cidr';

/** The RFC 1918 ranges, in the order Tencent Cloud offers them for container networks. */
export const PRIVATE_RANGES: readonly Cidr[] = [
  '172.16.0.0/12',
  '10.0.0.0/8',
  '192.168.0.0/16',
].map(cidrOf);

export function isPrivate(c: Cidr): boolean {
  return PRIVATE_RANGES.some((p) => contains(p, c));
}
