// Forwarding: from the source's route table to where the destination's range is delivered, or
// the one reason it is not (rules.md, "Paths"). Pure functions of the plan, its routes and the
// caches; what they consult is noted on the router's read tracker.
import { cidrOf, contains, ipOf } from '../../ip/cidr';
import { isPrivate } from '../../ip/private-ranges';
import { label } from '../../model/defaults';
import type { Idc, Subnet } from '../../model/plan';
import type { Match } from '../route-table';
import {
  fail,
  legName,
  legOwnerVpc,
  type Forward,
  type Leg,
  type PathContext,
  type RangeLeg,
  type Source,
} from './types';

export function tablesOfLeg(
  cx: PathContext,
  leg: Leg,
  vpc: string,
  subnet: Subnet | undefined,
): (string | undefined)[] {
  if (leg.kind === 'pods' && !leg.subnet) {
    // A GlobalRouter pod replies from its node: the node subnets' tables decide.
    const tables = (leg.cluster.nodeSubnets ?? [])
      .map((id) => cx.ix.subnet(id))
      .filter((s) => s?.vpc === vpc)
      .map((s) => s!.routeTable);
    return tables.length > 0 ? tables : [undefined];
  }
  return [subnet?.routeTable];
}

/** The packet for `leg` has reached VPC `vpc`: its Local and container routes take it, or nothing does. */
export function arrive(
  cx: PathContext,
  vpc: string,
  leg: RangeLeg,
  hops: string[],
  via: string[],
  viaPeering: string | undefined,
): Forward {
  const ix = cx.ix;
  const v = ix.vpc(vpc);
  const inLocal = ix.vpcCidrs(vpc).some((x) => contains(x, leg.cidr));
  if (inLocal) {
    cx.router.reads.vpc(vpc);
    const subnet = cx.caches.subnetIndex(vpc).deepestValue(leg.cidr);
    if (leg.kind === 'resource') {
      if (leg.vpc === vpc && subnet?.id === leg.subnet.id) {
        return {
          ok: true,
          hops: [...hops, leg.subnet.id, leg.resource.id],
          far: { kind: 'vpc', vpc, tables: [leg.subnet.routeTable] },
          via,
        };
      }
    } else if (leg.kind === 'pods') {
      if (leg.vpc === vpc && leg.subnet && subnet?.id === leg.subnet.id) {
        return {
          ok: true,
          hops: [...hops, leg.subnet.id, leg.cluster.id],
          far: { kind: 'vpc', vpc, tables: [leg.subnet.routeTable] },
          via,
        };
      }
    } else if (leg.kind === 'address') {
      if (!subnet)
        return fail(
          'NO_ROUTE',
          [...hops],
          `${leg.text} is inside VPC ${label(v)} but no subnet there holds it`,
        );
      const res =
        leg.cidr.prefix === 32 || leg.cidr.prefix === 128
          ? ix.resourcesIn(subnet.id).find((r) => r.ip && contains(ipOf(r.ip), leg.cidr))
          : undefined;
      return {
        ok: true,
        hops: [...hops, subnet.id, leg.text],
        far: { kind: 'vpc', vpc, tables: [subnet.routeTable] },
        holder: res ? label(res) : `subnet ${label(subnet)}`,
        via,
      };
    }
    return fail(
      'NO_ROUTE',
      [...hops],
      `${legName(leg)} falls inside VPC ${label(v)}'s own range, so the Local route keeps it there: ${leg.kind === 'idc' ? 'the IDC overlaps the VPC' : 'the networks overlap'}`,
    );
  }
  const container = ix
    .clustersOf(vpc)
    .find((k) => k.containerCidr && contains(cidrOf(k.containerCidr), leg.cidr));
  if (container) {
    if ((leg.kind === 'pods' && leg.cluster.id === container.id) || leg.kind === 'address') {
      return {
        ok: true,
        hops: leg.kind === 'address' ? [...hops, container.id, leg.text] : [...hops, container.id],
        far: {
          kind: 'vpc',
          vpc,
          tables: tablesOfLeg(
            cx,
            { kind: 'pods', cluster: container, vpc, cidr: leg.cidr, text: leg.text },
            vpc,
            undefined,
          ),
        },
        holder: `a pod of ${label(container)}`,
        via,
      };
    }
    return fail(
      'SHADOWED_BY_CLUSTER_CIDR',
      [...hops],
      `${legName(leg)} is inside the container CIDR ${container.containerCidr} of ${label(container)} in VPC ${label(v)}, so it is forwarded to the containers instead`,
    );
  }
  if (viaPeering !== undefined) {
    return fail(
      'PEERING_NOT_TRANSITIVE',
      [...hops, vpc],
      `The route leads through peering ${label(ix.peering(viaPeering))} to VPC ${label(v)}, which does not hold ${legName(leg)}: peering is not transitive`,
    );
  }
  return fail('NO_ROUTE', [...hops], `VPC ${label(v)} does not hold ${legName(leg)}`);
}

export function forward(cx: PathContext, src: Source, leg: RangeLeg): Forward {
  const ix = cx.ix;
  const router = cx.router;
  const vpc = src.vpc;
  const match = router.lookup(vpc, src.origin.routeTable, leg.cidr);
  const result = follow(cx, src, leg, match);
  if (result.ok) return result;
  const disabled = router.disabledFor(vpc, leg.cidr);
  if (disabled) {
    const owner = legOwnerVpc(leg);
    const belongs =
      leg.kind === 'idc'
        ? disabled.idc === leg.idc.id
        : owner === undefined
          ? leg.kind === 'address'
          : disabled.vpc === owner;
    const outranked =
      match === undefined ||
      match.origin === 'ccn' ||
      (match.origin === 'custom' &&
        (match.target.kind === 'ccn' || match.cidr.prefix < disabled.cidr.prefix));
    if (belongs && outranked) {
      return fail(
        'CCN_ROUTE_DISABLED',
        result.hops,
        `CCN ${label(ix.ccn(disabled.ccn))} disabled the route ${disabled.text} of ${label(ix.object(disabled.attachment))} ` +
          `because it conflicts with a route published earlier, so traffic to ${legName(leg)} goes elsewhere or nowhere`,
      );
    }
  }
  return result;
}

/** The source's route table as a message names it: only two failures do, so only they ask. */
function tableName(cx: PathContext, src: Source): string {
  const table = cx.ix.routeTable(src.origin.routeTable);
  return table
    ? `route table ${label(table)}`
    : `the default route table of VPC ${label(cx.ix.vpc(src.vpc))}`;
}

function follow(cx: PathContext, src: Source, leg: RangeLeg, match: Match | undefined): Forward {
  const ix = cx.ix;
  const vpc = src.vpc;
  if (!match) {
    if (
      leg.kind === 'address' &&
      !isPrivate(leg.cidr) &&
      leg.cidr.family === 4 &&
      !cx.caches.held(leg.cidr)
    ) {
      const c = ix.cluster(src.cluster);
      if (c?.nodePublicIp && !src.isContainer) {
        return {
          ok: true,
          hops: [leg.text],
          far: { kind: 'none' },
          via: ["the nodes' public IPs"],
        };
      }
      return fail(
        'NO_INTERNET_EGRESS',
        [],
        `${leg.text} is on the internet, and ${label(src.origin)} has no default route to a NAT gateway`,
      );
    }
    return fail(
      'NO_ROUTE',
      [],
      `No route in ${tableName(cx, src)} leads to ${legName(leg)}: add one through the peering, CCN or gateway that reaches it`,
    );
  }
  const t = match.target;
  switch (t.kind) {
    case 'local':
    case 'container':
      return arrive(cx, vpc, leg, [], [], undefined);
    case 'nat':
      if (leg.kind === 'address' && !isPrivate(leg.cidr) && !cx.caches.held(leg.cidr)) {
        return { ok: true, hops: [t.id, leg.text], far: { kind: 'none' }, nat: t.id, via: [] };
      }
      return fail(
        'NO_ROUTE',
        [t.id],
        `The route ${match.text} in ${tableName(cx, src)} sends ${legName(leg)} to NAT gateway ${label(ix.nat(t.id))}, which only reaches the internet`,
      );
    case 'peering': {
      const owner = legOwnerVpc(leg);
      const peer = ix.vpc(t.peer);
      // Every answer below names the peer: a path depends on it even when it stops here.
      cx.router.reads.vpc(t.peer);
      if ((owner !== undefined && owner !== t.peer) || leg.kind === 'idc') {
        return fail(
          'PEERING_NOT_TRANSITIVE',
          [t.id, t.peer],
          `The route ${match.text} leads through peering ${label(ix.peering(t.id))} to VPC ${label(peer)}, which is not where ${legName(leg)} is: peering is not transitive`,
        );
      }
      if (leg.kind === 'address') {
        const inPeer =
          ix.vpcCidrs(t.peer).some((x) => contains(x, leg.cidr)) ||
          ix
            .clustersOf(t.peer)
            .some((k) => k.containerCidr && contains(cidrOf(k.containerCidr), leg.cidr));
        if (!inPeer) {
          return cx.caches.held(leg.cidr)
            ? fail(
                'PEERING_NOT_TRANSITIVE',
                [t.id, t.peer],
                `The route ${match.text} leads through peering ${label(ix.peering(t.id))} to VPC ${label(peer)}, which does not hold ${leg.text}: peering is not transitive`,
              )
            : fail(
                'NO_ROUTE',
                [t.id],
                `The route ${match.text} leads through peering ${label(ix.peering(t.id))} to VPC ${label(peer)}, which does not hold ${leg.text}`,
              );
        }
      }
      return arrive(cx, t.peer, leg, [t.id], [`peering ${label(ix.peering(t.id))}`], t.id);
    }
    case 'ccn':
    case 'learned': {
      const pub =
        t.kind === 'learned' ? t.publication : cx.router.learned(t.id, vpc, leg.cidr, 'enabled');
      const ccnName = label(ix.ccn(t.id));
      if (!pub) return fail('NO_ROUTE', [t.id], `CCN ${ccnName} has no route to ${legName(leg)}`);
      if (pub.idc !== undefined)
        return reachIdc(cx, ix.idc(pub.idc)!, leg, match.text, [t.id], [`CCN ${ccnName}`]);
      const owner = legOwnerVpc(leg);
      if (pub.vpc !== undefined) cx.router.reads.vpc(pub.vpc);
      if (leg.kind === 'idc' || (owner !== undefined && owner !== pub.vpc)) {
        return fail(
          'NO_ROUTE',
          [t.id],
          `CCN ${ccnName} carries ${match.text} to VPC ${label(ix.vpc(pub.vpc))}, not to ${legName(leg)}`,
        );
      }
      return arrive(cx, pub.vpc!, leg, [t.id], [`CCN ${ccnName}`], undefined);
    }
    case 'idc': {
      const idc = ix.idc(t.id)!;
      if (idc.vpc === vpc) return reachIdc(cx, idc, leg, match.text, [], []);
      // A route to an IDC of no link of this VPC's goes through a CCN both are attached to.
      const shared = ix.ccnsOf(idc.id).find((x) => x.attachments.includes(vpc));
      if (shared) cx.router.reads.ccn(shared.id);
      return shared
        ? reachIdc(cx, idc, leg, match.text, [shared.id], [`CCN ${label(shared)}`])
        : reachIdc(cx, idc, leg, match.text, [], []);
    }
    case 'cvm': {
      const cvm = ix.resource(t.id)!;
      return {
        ok: true,
        hops: [cvm.id, ...(leg.kind === 'address' ? [leg.text] : [])],
        far: { kind: 'none' },
        via: [`CVM ${label(cvm)} as next hop`],
        holder: `forwarded by CVM ${label(cvm)}`,
      };
    }
  }
}

/** The packet for `leg` was sent to IDC `idc` by the route `route`, after `hops`. */
function reachIdc(
  cx: PathContext,
  idc: Idc,
  leg: RangeLeg,
  route: string,
  hops: string[],
  via: string[],
): Forward {
  const holds = idc.cidrs.some((x) => contains(cidrOf(x), leg.cidr));
  if ((leg.kind === 'idc' && leg.idc.id === idc.id) || (leg.kind === 'address' && holds)) {
    return {
      ok: true,
      hops: leg.kind === 'address' ? [...hops, idc.id, leg.text] : [...hops, idc.id],
      far: { kind: 'idc', idc },
      via: [
        ...via,
        `${idc.link === 'direct-connect' ? 'Direct Connect' : 'VPN'} to IDC ${label(idc)}`,
      ],
      holder: `IDC ${label(idc)}`,
    };
  }
  return fail(
    'NO_ROUTE',
    [...hops, idc.id],
    `The route ${route} sends ${legName(leg)} to IDC ${label(idc)}, which does not hold it`,
  );
}
