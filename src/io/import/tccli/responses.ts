// Tencent Cloud API responses as the tccli client prints them (the Response object, with or
// without its `Response` wrapper), several files at once. Field names are the API's (the
// tencentcloud-sdk-go models of vpc 2017-03-12 and tke 2018-05-25):
//   vpc DescribeVpcs            VpcSet[]: VpcId, VpcName, CidrBlock, AssistantCidrSet[].CidrBlock, Ipv6CidrBlock
//   vpc DescribeSubnets         SubnetSet[]: SubnetId, SubnetName, VpcId, CidrBlock, Zone, RouteTableId, Ipv6CidrBlock
//   vpc DescribeRouteTables     RouteTableSet[]: RouteTableId, RouteTableName, VpcId, Main,
//                               RouteSet[]: DestinationCidrBlock, DestinationIpv6CidrBlock, GatewayType,
//                               GatewayId, RouteType (USER routes are the custom ones), Enabled
//   vpc DescribeNatGateways     NatGatewaySet[]: NatGatewayId, NatGatewayName, VpcId
//   vpc DescribeVpcPeeringConnections  PeerConnectionSet[]: PeeringConnectionId, PeeringConnectionName,
//                               SourceVpcId, PeerVpcId (DestinationVpcId)
//   vpc DescribeCcns            CcnSet[]: CcnId, CcnName, CcnDescription
//   vpc DescribeCcnAttachedInstances  InstanceSet[]: CcnId, InstanceType, InstanceId, State, AttachedTime
//   tke DescribeClusters        Clusters[]: ClusterId, ClusterName, ClusterDescription, ClusterNodeNum,
//                               Property (JSON: NetworkType), ClusterNetworkSettings { VpcId, ClusterCIDR,
//                               ServiceCIDR, MaxNodePodNum, MaxClusterServiceNum, IgnoreClusterCIDRConflict,
//                               Subnets (VPC-CNI pod subnets) }
// This module takes the responses apart into their lists, and reads one field of an item, with
// the file and JSON path for messages.
import { parseCidr } from '../../../domain/ip/cidr';
import { isRecord } from '../json-text';
import { ImportError } from '../types';

export const API_SET_KEYS = [
  'VpcSet',
  'SubnetSet',
  'RouteTableSet',
  'NatGatewaySet',
  'PeerConnectionSet',
  'CcnSet',
  'InstanceSet',
  'Clusters',
] as const;

export type Item = Record<string, unknown>;

export interface Located {
  readonly item: Item;
  readonly where: string;
}

export function str(x: Located, key: string): string | undefined {
  const v = x.item[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string')
    throw new ImportError(`${x.where}.${key}`, `expected a string, got ${JSON.stringify(v)}`);
  return v;
}

export function need(x: Located, key: string): string {
  const v = str(x, key);
  if (v === undefined) throw new ImportError(`${x.where}.${key}`, 'required field is missing');
  return v;
}

export function num(x: Located, key: string): number | undefined {
  const v = x.item[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ImportError(`${x.where}.${key}`, `expected a number, got ${JSON.stringify(v)}`);
  return v;
}

export function cidr(
  x: Located,
  key: string,
  family: 4 | 6 | 'any',
  id: string,
  value?: string,
): string {
  const text = value ?? need(x, key);
  const r = parseCidr(text);
  if (!r.ok) throw new ImportError(`${x.where}.${key}`, `${key} of ${id}: ${r.error}`);
  if (family !== 'any' && r.cidr.family !== family)
    throw new ImportError(
      `${x.where}.${key}`,
      `${key} of ${id}: ${JSON.stringify(text)} should be an IPv${family} CIDR`,
    );
  return text;
}

/** The items of every response, by the list they are in (`VpcSet`), in the order of the files. */
export function readResponses(
  docs: readonly { name: string; doc: unknown }[],
): Map<string, Located[]> {
  const sets = new Map<string, Located[]>();
  for (const { name, doc } of docs) {
    const wrapped = isRecord(doc) && isRecord(doc.Response);
    const body = wrapped ? (doc as { Response: Item }).Response : doc;
    const base = wrapped ? '$.Response' : '$';
    if (!isRecord(body)) throw new ImportError(name, 'expected a tccli response: a JSON object');
    if (isRecord(body.Error))
      throw new ImportError(
        `${name} ${base}.Error`,
        `the API call failed: ${JSON.stringify(body.Error.Code ?? '')} ${JSON.stringify(body.Error.Message ?? '')}`,
      );
    const keys = API_SET_KEYS.filter((k) => k in body);
    if (keys.length === 0)
      throw new ImportError(
        name,
        `not a response of a supported call (expected one of ${API_SET_KEYS.join(', ')})`,
      );
    for (const k of keys) {
      const list = body[k];
      if (!Array.isArray(list)) throw new ImportError(`${name} ${base}.${k}`, 'expected a list');
      const out = sets.get(k) ?? [];
      list.forEach((item, i) => {
        if (!isRecord(item))
          throw new ImportError(`${name} ${base}.${k}[${i}]`, 'expected an object');
        out.push({ item, where: `${name} ${base}.${k}[${i}]` });
      });
      sets.set(k, out);
    }
  }

  return sets;
}
