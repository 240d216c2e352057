// Duplicating (and pasting) objects: the copies get new ids, sit a little apart, and get ranges
// that conflict with nothing, so a duplicate never starts life as an error. A duplicated VPC
// takes its subnets, clusters and resources with it, renumbered into the new VPC range.
import { freeContainerCidr, freeSubnetCidr, freeVpcCidr } from '../allocate';
import { cidrOf, formatCidr, formatV4, ipOf, type Cidr4 } from '../ip/cidr';
import { PlanIndex } from '../model/plan-index';
import {
  COLLECTIONS,
  type Cluster,
  type Collection,
  type LayoutBox,
  type Plan,
  type PlanObject,
  type Resource,
  type Subnet,
  type Vpc,
} from '../model/plan';
import { applyOps, type PlanOp } from './ops';
import { closure } from './cascade';
import { newId, nextFreeIp } from './create';

/** A copy of some objects, with their layout: what the clipboard holds. */
export interface Snippet {
  readonly objects: ReadonlyArray<{ readonly collection: Collection; readonly object: PlanObject }>;
  readonly layout: Readonly<Record<string, LayoutBox>>;
}

const COPYABLE: readonly Collection[] = [
  'vpcs',
  'subnets',
  'clusters',
  'resources',
  'natGateways',
  'idcs',
  'ccns',
  'routeTables',
];

/** The objects to copy for a selection: the selection and everything inside it. */
export function snippetOf(plan: Plan, ids: Iterable<string>): Snippet {
  const all = closure(plan, ids);
  const objects: Array<{ collection: Collection; object: PlanObject }> = [];
  const layout: Record<string, LayoutBox> = {};
  for (const c of COLLECTIONS) {
    if (!COPYABLE.includes(c)) continue;
    for (const o of plan[c] as readonly PlanObject[]) {
      if (!all.has(o.id)) continue;
      objects.push({ collection: c, object: o });
      const box = plan.layout?.[o.id];
      if (box) layout[o.id] = box;
    }
  }
  return { objects, layout };
}

function shift(a: string, delta: number): string {
  const c = cidrOf(a) as Cidr4;
  return formatCidr({ ...c, lo: c.lo + delta, hi: c.hi + delta });
}

export interface Pasted {
  readonly ops: PlanOp[];
  readonly ids: string[];
  readonly skipped: number;
}

/**
 * Ops that add copies of a snippet to the plan. Objects whose container is neither copied nor
 * in the plan any more are skipped. `offset` moves top-level copies on the canvas.
 */
export function pasteSnippet(plan: Plan, snippet: Snippet, offset = 40): Pasted {
  const idMap = new Map<string, string>();
  const taken = new Set<string>();
  const copied = new Set(snippet.objects.map((e) => e.object.id));
  const prefixOf = (id: string) => id.replace(/-\d+$/, '').replace(/-copy$/, '') || 'obj';
  for (const { object } of snippet.objects) {
    const id = newId(plan, `${prefixOf(object.id)}-copy`, taken);
    taken.add(id);
    idMap.set(object.id, id);
  }
  const ref = (id: string) => idMap.get(id) ?? id;
  const ops: PlanOp[] = [];
  const ids: string[] = [];
  let skipped = 0;
  let working = plan;
  const vpcShift = new Map<string, number>();

  const push = (collection: Collection, object: PlanObject, oldId: string, topLevel: boolean) => {
    const step: PlanOp[] = [{ op: 'insert', collection, object }];
    const box = snippet.layout[oldId];
    if (box)
      step.push({
        op: 'layout',
        id: object.id,
        box: topLevel ? { ...box, x: box.x + offset, y: box.y + offset } : box,
      });
    working = applyOps(working, step).plan;
    ops.push(...step);
    ids.push(object.id);
  };
  const exists = (id: string) => copied.has(id) || new PlanIndex(plan).byId.has(id);

  for (const { collection, object } of snippet.objects) {
    const ix = new PlanIndex(working);
    const id = idMap.get(object.id)!;
    const name = object.name ? `${object.name} copy` : id;
    switch (collection) {
      case 'vpcs': {
        const v = object as Vpc;
        const old = cidrOf(v.cidr) as Cidr4;
        const fresh = freeVpcCidr(ix, old.prefix);
        if (!fresh) {
          skipped++;
          continue;
        }
        vpcShift.set(v.id, (cidrOf(fresh) as Cidr4).lo - old.lo);
        const { secondaryCidrs: _s, ipv6Cidr: _i, ...rest } = v;
        push(collection, { ...rest, id, name, cidr: fresh }, v.id, true);
        break;
      }
      case 'subnets': {
        const s = object as Subnet;
        if (!exists(s.vpc)) {
          skipped++;
          continue;
        }
        const delta = vpcShift.get(s.vpc);
        const vpc = ref(s.vpc);
        let cidr = delta !== undefined ? shift(s.cidr, delta) : undefined;
        if (
          cidr === undefined ||
          !ix
            .vpcCidrs(vpc)
            .some((c) => c.family === 4 && c.lo <= cidrOf(cidr!).lo && cidrOf(cidr!).hi <= c.hi)
        ) {
          cidr = freeSubnetCidr(ix, vpc, cidrOf(s.cidr).prefix);
        }
        if (!cidr) {
          skipped++;
          continue;
        }
        const { ipv6Cidr: _i, routeTable, ...rest } = s;
        const rt =
          routeTable && copied.has(routeTable)
            ? { routeTable: ref(routeTable) }
            : routeTable && delta === undefined
              ? { routeTable }
              : {};
        push(collection, { ...rest, ...rt, id, name, vpc, cidr }, s.id, !copied.has(s.vpc));
        break;
      }
      case 'clusters': {
        const c = object as Cluster;
        if (!exists(c.vpc)) {
          skipped++;
          continue;
        }
        const vpc = ref(c.vpc);
        const keep = (list?: readonly string[]) =>
          (list ?? [])
            .filter((x) => copied.has(x) || (!copied.has(c.vpc) && ix.byId.has(x)))
            .map(ref);
        const { containerCidr, serviceCidr, nonMasqueradeCidrs: _n, ...rest } = c;
        const next: { -readonly [K in keyof Cluster]: Cluster[K] } = {
          ...rest,
          id,
          name,
          vpc,
          nodeSubnets: keep(c.nodeSubnets),
        };
        if (c.podSubnets) next.podSubnets = keep(c.podSubnets);
        if (containerCidr) {
          const fresh = freeContainerCidr(ix, vpc, cidrOf(containerCidr).prefix);
          if (fresh) next.containerCidr = fresh;
        }
        if (serviceCidr) {
          const fresh = freeContainerCidr(
            ix,
            vpc,
            cidrOf(serviceCidr).prefix,
            undefined,
            next.containerCidr ? [cidrOf(next.containerCidr)] : [],
          );
          if (fresh) next.serviceCidr = fresh;
        }
        push(collection, next, c.id, !copied.has(c.vpc));
        break;
      }
      case 'resources': {
        const r = object as Resource;
        if (!exists(r.subnet)) {
          skipped++;
          continue;
        }
        const subnet = ref(r.subnet);
        const s = ix.subnet(r.subnet);
        const delta = s ? vpcShift.get(s.vpc) : undefined;
        let ip: string | undefined;
        if (r.ip && delta !== undefined && copied.has(r.subnet)) {
          const a = ipOf(r.ip);
          ip = a.family === 4 ? formatV4(a.lo + delta) : undefined;
        }
        ip ??= nextFreeIp(ix, subnet);
        const { ip: _old, ...rest } = r;
        push(
          collection,
          { ...rest, id, name, subnet, ...(ip ? { ip } : {}) },
          r.id,
          !copied.has(r.subnet),
        );
        break;
      }
      case 'natGateways':
      case 'routeTables': {
        const o = object as PlanObject & { vpc: string };
        if (!exists(o.vpc)) {
          skipped++;
          continue;
        }
        const extra =
          collection === 'routeTables'
            ? {
                routes: (
                  o as unknown as { routes: { destination: string; target: string }[] }
                ).routes
                  .filter((r) => exists(r.target))
                  .map((r) => ({ ...r, target: ref(r.target) })),
              }
            : {};
        push(collection, { ...o, ...extra, id, name, vpc: ref(o.vpc) }, o.id, !copied.has(o.vpc));
        break;
      }
      case 'idcs': {
        const d = object as PlanObject & { vpc: string };
        if (!exists(d.vpc)) {
          skipped++;
          continue;
        }
        push(collection, { ...d, id, name, vpc: ref(d.vpc) }, d.id, true);
        break;
      }
      case 'ccns':
        push(collection, { ...object, id, name, attachments: [] }, object.id, true);
        break;
      default:
        skipped++;
    }
  }
  return { ops, ids, skipped };
}
