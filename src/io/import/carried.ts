// What an exported .tf file carries beyond the provider's arguments (docs/terraform-mapping.md):
// each plan object in a `# cidr-canvas:` line. The arguments win where they say something
// (someone may have edited the file); the line gives the rest: exact IPv6 ranges,
// non-masquerade ranges, IDC ranges, resource addresses the provider cannot set, registered
// clusters and the order of CCN attachments, routes no entry can hold, reservations, comments,
// and each object's place in its list.
import { COLLECTIONS, type Plan } from '../../domain/model/plan';

export interface Carried {
  readonly kind: string;
  readonly index?: number;
  readonly object: unknown;
  /** `main.tf:12`. */
  readonly at: string;
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const key = (x: unknown) => JSON.stringify(x);

/**
 * A route's key as the file can say it: the export writes a route to an IDC reached through a
 * shared CCN as a USER_CCN entry to that CCN, so such a route is known by its destination and the
 * CCN it goes through (`via`).
 */
function routeKeys(x: unknown, idcVia: ReadonlyMap<string, readonly string[]>): string[] {
  if (!isObj(x) || typeof x.target !== 'string') return [key(x)];
  const vias = idcVia.get(x.target) ?? [];
  return [key(x), ...vias.map((ccn) => key({ ...x, target: ccn }))];
}

/** A list from the arguments, or the line's when it holds everything the arguments say and more. */
function list(
  fromArgs: unknown[],
  fromLine: unknown,
  idcVia: ReadonlyMap<string, readonly string[]> = new Map(),
): unknown[] {
  if (!Array.isArray(fromLine)) return fromArgs;
  const line = new Set(fromLine.flatMap((x) => routeKeys(x, idcVia)));
  return fromArgs.every((x) => line.has(key(x))) ? fromLine : fromArgs;
}

/**
 * Names and descriptions the export had to rewrite for the provider (cut to 60 bytes, characters
 * a CLB name cannot hold replaced, an id standing in for a missing name), and an IDC's ranges,
 * which the import otherwise infers from the routes and VPN policies that reach it: the line
 * has the plan's.
 */
// A resource's kind too: the export's tencentcloud_eni stands for memcached and other alike.
// A VPC's region as well: the export's default provider names a region even when the plan has none.
const LINE_WINS = new Set(['id', 'name', 'description', 'kind', 'region', 'cidrs', 'returnRoutes']);
const MAX_EXPORTED_NODES = 100_000;

function combine(args: Obj, line: Obj, idcVia: ReadonlyMap<string, readonly string[]>): Obj {
  const out: Obj = { ...line };
  for (const [k, v] of Object.entries(args)) {
    if (LINE_WINS.has(k)) continue;
    // The export writes at most 100,000 nodes of node pools (TKE's limit); the line has the plan's.
    if (
      k === 'nodeCount' &&
      v === MAX_EXPORTED_NODES &&
      Number(line.nodeCount) > MAX_EXPORTED_NODES
    )
      continue;
    out[k] = Array.isArray(v) ? list(v, line[k], k === 'routes' ? idcVia : undefined) : v;
  }
  out.id = args.id;
  return out;
}

const EXTRA_LISTS = ['reservations', 'comments'] as const;

export function applyCarried(plan: Plan, carried: readonly Carried[]): Plan {
  if (carried.length === 0) return plan;
  const byKind = new Map<string, Map<string, Carried>>();
  let name: string | undefined;
  for (const c of carried) {
    if (c.kind === 'plan') {
      if (isObj(c.object) && typeof c.object.name === 'string') name = c.object.name;
      continue;
    }
    if (!isObj(c.object) || typeof c.object.id !== 'string') continue;
    let m = byKind.get(c.kind);
    if (!m) byKind.set(c.kind, (m = new Map<string, Carried>()));
    m.set(c.object.id, c);
  }
  // The CCNs each IDC is attached to, from the plan read so far and the lines.
  const idcVia = new Map<string, string[]>();
  const ccnLines = [...(byKind.get('ccns')?.values() ?? [])].map((c) => c.object as Obj);
  for (const ccn of [...plan.ccns, ...ccnLines] as Obj[])
    for (const a of Array.isArray(ccn.attachments) ? ccn.attachments : [])
      if (typeof a === 'string' && typeof ccn.id === 'string')
        idcVia.set(a, [...(idcVia.get(a) ?? []), ccn.id]);
  const out: Record<string, unknown> = { ...plan };
  if (name !== undefined && plan.name === undefined) out.name = name;
  for (const kind of [...COLLECTIONS, ...EXTRA_LISTS]) {
    const lines = byKind.get(kind) ?? new Map<string, Carried>();
    const current = ((plan as unknown as Record<string, unknown[] | undefined>)[kind] ??
      []) as Obj[];
    const seen = new Set<string>();
    const merged: { o: Obj; index: number }[] = current.map((o, i) => {
      seen.add(o.id as string);
      const line = lines.get(o.id as string);
      return {
        o: line ? combine(o, line.object as Obj, idcVia) : o,
        index: line?.index ?? Number.MAX_SAFE_INTEGER - current.length + i,
      };
    });
    // Objects only a line holds: reservations, comments, an IDC on a CCN with no gateway.
    for (const [id, line] of lines)
      if (!seen.has(id))
        merged.push({ o: line.object as Obj, index: line.index ?? Number.MAX_SAFE_INTEGER });
    if (merged.length === 0 && !(kind in plan)) continue;
    // The line's index is the object's place in its list: the file groups subnets under their VPCs.
    merged.sort((a, b) => a.index - b.index);
    out[kind] = merged.map((m) => m.o);
  }
  return out as unknown as Plan;
}
