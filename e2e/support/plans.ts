// Plans for end-to-end tests, built in code so that their size is a parameter.

interface Obj {
  id: string;
  [k: string]: unknown;
}

/**
 * A plan of about `objects` objects: VPCs of 8 subnets with 3 resources each, two clusters per
 * VPC, a NAT gateway and a route table, and peerings between neighbours. Laid out on a grid.
 */
export function gridPlan(objects: number): Record<string, unknown> {
  const perVpc = 1 + 8 + 24 + 2 + 1 + 1;
  const vpcCount = Math.max(1, Math.round(objects / perVpc));
  const vpcs: Obj[] = [];
  const subnets: Obj[] = [];
  const clusters: Obj[] = [];
  const resources: Obj[] = [];
  const natGateways: Obj[] = [];
  const routeTables: Obj[] = [];
  const peerings: Obj[] = [];
  const layout: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
  // Up to 32 VPCs, a /16 each and /18 container CIDRs; more (up to 1,024) get a /20 each and /23
  // container CIDRs, so that every range stays valid and apart.
  const compact = vpcCount > 32;
  if (vpcCount > 1024) throw new Error(`gridPlan makes at most ${1024 * perVpc} objects`);
  const net = (v: number, s: number) =>
    compact ? `10.${v >> 4}.${((v & 15) << 4) + s}` : `10.${v}.${s}`;
  for (let v = 0; v < vpcCount; v++) {
    const vid = `vpc-${v}`;
    const cidr = compact ? `${net(v, 0)}.0/20` : `10.${v}.0.0/16`;
    vpcs.push({ id: vid, name: `vpc ${v}`, region: 'ap-guangzhou', cidr });
    layout[vid] = { x: (v % 4) * 1500, y: Math.floor(v / 4) * 900, width: 1400, height: 820 };
    for (let s = 0; s < 8; s++) {
      const sid = `sn-${v}-${s}`;
      subnets.push({
        id: sid,
        name: `subnet ${v}.${s}`,
        vpc: vid,
        cidr: `${net(v, s)}.0/24`,
        zone: `ap-guangzhou-${(s % 3) + 3}`,
        routeTable: `rtb-${v}`,
      });
      layout[sid] = {
        x: 20 + (s % 4) * 330,
        y: 60 + Math.floor(s / 4) * 250,
        width: 310,
        height: 230,
      };
      for (let r = 0; r < 3; r++) {
        const rid = `res-${v}-${s}-${r}`;
        resources.push({
          id: rid,
          name: `db ${v}.${s}.${r}`,
          kind: r === 1 ? 'redis' : 'cdb',
          subnet: sid,
          ip: `${net(v, s)}.${10 + r}`,
        });
        layout[rid] = { x: 12 + (r % 2) * 150, y: 60 + Math.floor(r / 2) * 70 };
      }
    }
    for (let c = 0; c < 2; c++) {
      const cid = `cls-${v}-${c}`;
      clusters.push({
        id: cid,
        name: `cluster ${v}.${c}`,
        vpc: vid,
        mode: 'global-router',
        nodeSubnets: [`sn-${v}-${c}`],
        containerCidr: compact
          ? `172.${16 + ((v * 2 + c) >> 7)}.${((v * 2 + c) & 127) * 2}.0/23`
          : `172.${16 + ((v * 2 + c) % 16)}.${Math.floor((v * 2 + c) / 16) * 64}.0/18`,
        maxPodsPerNode: 64,
        maxServices: 256,
      });
      layout[cid] = { x: 100 + c * 400, y: 600 };
    }
    natGateways.push({ id: `nat-${v}`, vpc: vid });
    layout[`nat-${v}`] = { x: 1000, y: 620 };
    routeTables.push({
      id: `rtb-${v}`,
      vpc: vid,
      routes: [{ destination: '0.0.0.0/0', target: `nat-${v}` }],
    });
    if (v > 0) peerings.push({ id: `pcx-${v}`, vpcs: [`vpc-${v - 1}`, vid] });
  }
  for (const p of peerings) {
    const [a, b] = p.vpcs as [string, string];
    routeTables.find((t) => t.id === `rtb-${a.slice(4)}`)!.routes = [
      ...(routeTables.find((t) => t.id === `rtb-${a.slice(4)}`)!.routes as unknown[]),
      { destination: vpcs.find((x) => x.id === b)!.cidr, target: p.id },
    ];
  }
  return {
    format: 'cidr-canvas/plan',
    version: 1,
    name: `${objects} objects`,
    vpcs,
    subnets,
    clusters,
    resources,
    natGateways,
    peerings,
    ccns: [],
    idcs: [],
    routeTables,
    layout,
  };
}

export function countObjects(plan: Record<string, unknown>): number {
  let n = 0;
  for (const k of [
    'vpcs',
    'subnets',
    'clusters',
    'resources',
    'natGateways',
    'peerings',
    'ccns',
    'idcs',
    'routeTables',
  ]) {
    n += (plan[k] as unknown[]).length;
    if (k === 'routeTables')
      for (const t of plan[k] as { routes: unknown[] }[]) n += t.routes.length;
  }
  return n;
}
