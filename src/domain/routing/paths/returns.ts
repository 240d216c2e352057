// The way back: whether the far side routes the source address back to where it came from.
import { cidrOf, contains, overlaps } from '../../ip/cidr';
import { label } from '../../model/defaults';
import type { Idc } from '../../model/plan';
import type { Match } from '../route-table';
import type { Far, PathContext, Source } from './types';

/**
 * Whether the IDC routes the source address back and has a way to its VPC: its own link, or a
 * CCN that publishes the address from that VPC. By default an IDC routes back its VPC's
 * primary CIDR and what its CCNs publish (rules.md, "IDCs attached to a CCN").
 */
function idcReturns(cx: PathContext, idc: Idc, src: Source): true | string {
  const ix = cx.ix;
  const explicit = idc.returnRoutes;
  const listed = explicit?.some((r) => contains(cidrOf(r), src.address)) ?? false;
  if (idc.vpc === src.vpc) {
    const primary = ix.vpc(idc.vpc)?.cidr;
    if (explicit ? listed : primary !== undefined && contains(cidrOf(primary), src.address))
      return true;
  }
  const ccns = ix.ccnsOf(idc.id);
  for (const c of ccns) {
    const pub = cx.router.publication(c.id, src.address, (p) => p.attachment !== idc.id);
    if (pub && pub.vpc === src.vpc && (explicit === undefined || listed)) return true;
  }
  const what = `${src.addressText}${src.isContainer ? ' (the pod addresses)' : ''}`;
  if (explicit)
    return `IDC ${label(idc)} routes back only ${explicit.join(', ') || 'nothing'}, not ${what}${listed ? `, and has no way back to VPC ${label(ix.vpc(src.vpc))}` : `: add ${src.addressText} to its return routes`}`;
  const own = idc.vpc !== undefined ? ix.vpc(idc.vpc) : undefined;
  const learns = [
    ...(own ? [`VPC ${label(own)}'s primary CIDR ${own.cidr}`] : []),
    ...ccns.map((c) => `what CCN ${label(c)} publishes`),
  ];
  return `IDC ${label(idc)} routes back ${learns.join(' and ') || 'nothing'}, not ${what}: add ${src.addressText} to its return routes${ccns.length > 0 ? ', or publish it on the CCN' : ''}`;
}

/** True when the far side routes the source address back to it, or why not. */
export function returns(cx: PathContext, far: Far, src: Source): true | string {
  const ix = cx.ix;
  if (far.kind === 'none') return true;
  if (far.kind === 'idc') return idcReturns(cx, far.idc, src);
  if (far.vpc === src.vpc && src.isContainer) {
    // Local comes first both ways: a reply to a pod address inside the VPC's range is kept
    // by the Local route, even where the container route would cover the rest.
    const local = ix
      .vpcCidrs(far.vpc)
      .find((x) => x.family === src.address.family && overlaps(x, src.address));
    if (local) {
      cx.router.reads.vpc(far.vpc);
      const v = ix.vpc(far.vpc);
      return `The pod addresses ${src.addressText} overlap VPC ${label(v)}'s own range, so replies to them follow the Local route and never reach the pods: move the container CIDR out of the VPC`;
    }
  }
  for (const table of far.tables) {
    const m = cx.router.lookup(far.vpc, table, src.address);
    if (leadsBack(cx, far.vpc, m, src)) continue;
    const v = ix.vpc(far.vpc);
    const rt = ix.routeTable(table);
    const where = rt ? `route table ${label(rt)} of VPC ${label(v)}` : `VPC ${label(v)}`;
    const what = src.isContainer
      ? `the pod addresses ${src.addressText}`
      : src.cluster
        ? `the node subnet ${src.addressText}`
        : src.addressText;
    return `${where} has no route back to ${what}${m ? ` (it sends them to ${m.origin === 'local' ? 'its own Local route' : m.target.kind === 'container' ? 'its containers' : m.text})` : ''}: add a route to ${src.addressText} through the way the traffic came`;
  }
  return true;
}

function leadsBack(cx: PathContext, farVpc: string, m: Match | undefined, src: Source): boolean {
  if (!m) return false;
  const t = m.target;
  switch (t.kind) {
    case 'local':
      return farVpc === src.vpc && !src.isContainer;
    case 'container':
      return farVpc === src.vpc && src.isContainer && t.cluster === src.cluster;
    case 'peering':
      return t.peer === src.vpc;
    case 'learned':
      return t.publication.vpc === src.vpc;
    case 'ccn':
      return cx.router.learned(t.id, farVpc, src.address, 'enabled')?.vpc === src.vpc;
    case 'cvm':
      return true;
    default:
      return false;
  }
}
