// What every part of the Terraform export shares: the plan and its index, the names given out,
// the variables and provider aliases the file will declare, and the small writers of arguments
// every resource uses. One context per export; the per-family modules take it as `cx`.
import { label } from '../../../domain/model/defaults';
import { PlanIndex } from '../../../domain/model/plan-index';
import { KINDS, kindTitle } from '../../../domain/model/kinds';
import { COLLECTIONS } from '../../../domain/model/plan';
import type { ObjectKind, Plan, Subnet } from '../../../domain/model/plan';
import {
  attr,
  blank,
  NameAllocator,
  note,
  num,
  raw,
  str,
  truncateUtf8,
  type Expr,
  type Item,
} from '../hcl';
import { carryLine } from '../terraform-carry';

/** The region of the default provider when no VPC names one. */
export const FALLBACK_REGION = 'ap-guangzhou';

export const NAME_MAX_BYTES = 60;

export const IS_V4 = (c: string) => !c.includes(':');

export interface Variable {
  readonly name: string;
  readonly comments: readonly string[];
  readonly description: string;
  readonly type?: 'string' | 'number' | 'list(string)';
  readonly default?: Expr;
  readonly sensitive?: boolean;
}

/** Every object that becomes a resource, in the order that gives names out. */
export function namedObjects(plan: Plan): { id: string; name?: string }[] {
  return [
    ...plan.vpcs,
    ...plan.subnets,
    ...plan.routeTables,
    ...plan.natGateways,
    ...plan.peerings,
    ...plan.ccns,
    ...plan.clusters,
    ...plan.idcs,
    ...plan.resources,
  ];
}

export class TfContext {
  readonly ix: PlanIndex;
  private readonly names = new NameAllocator();
  private readonly partNames = new Map<string, NameAllocator>();
  readonly variables = new Map<string, Variable>();
  readonly defaultRegion: string;
  readonly aliases = new Map<string, string>();
  usesUserInfo = false;
  readonly publishedIdcs = new Set<string>();
  /** Each object's position in its plan list, for its cidr-canvas line. */
  private readonly positions = new Map<unknown, number>();

  constructor(readonly plan: Plan) {
    this.ix = new PlanIndex(plan);
    for (const key of [...COLLECTIONS, 'reservations', 'comments'] as const)
      (plan[key] ?? []).forEach((o, i) => this.positions.set(o, i));
    this.defaultRegion = plan.vpcs.find((v) => v.region)?.region ?? FALLBACK_REGION;
    // Plan objects first and in plan order, so that they get their own names before any
    // resource derived from them (`prod_nodes`) takes one.
    for (const o of namedObjects(plan)) this.names.name(o.id, o.name ?? o.id);
    const aliasNames = new NameAllocator();
    for (const v of plan.vpcs) {
      if (v.region && v.region !== this.defaultRegion && !this.aliases.has(v.region))
        this.aliases.set(v.region, aliasNames.name(v.region));
    }
  }
  tf(id: string): string {
    return this.names.name(id);
  }

  /**
   * The name of a resource of a type that only ever holds parts of objects (route entries,
   * attachments, node pools): `<object>_<what>`, unique among that type. Terraform names need
   * only be unique within a type, so `prod_nodes` the pool does not become `prod_nodes_2` because
   * a subnet is called prod-nodes.
   */
  part(type: string, id: string, what: string): string {
    let names = this.partNames.get(type);
    if (!names) this.partNames.set(type, (names = new NameAllocator()));
    return `resource "${type}" "${names.name(`${id}\u0000${what}`, `${this.tf(id)}_${what}`)}"`;
  }

  ref(type: string, id: string, attribute = 'id'): Expr {
    return raw(`${type}.${this.tf(id)}.${attribute}`);
  }

  regionOf(vpcId: string | undefined): string {
    return this.ix.vpc(vpcId)?.region ?? this.defaultRegion;
  }

  /** The `provider` meta-argument for an object in a VPC outside the default region. */
  providerFor(vpcId: string | undefined): Item[] {
    const region = this.ix.vpc(vpcId)?.region;
    const alias = region === undefined ? undefined : this.aliases.get(region);
    return alias === undefined ? [] : [attr('provider', raw(`tencentcloud.${alias}`))];
  }

  variable(v: Variable): Expr {
    if (!this.variables.has(v.name)) this.variables.set(v.name, v);
    return raw(`var.${v.name}`);
  }

  nameArg(o: { id: string; name?: string }, key = 'name', max = NAME_MAX_BYTES): Item {
    return attr(key, str(truncateUtf8(label(o), max) || o.id || 'unnamed'));
  }

  /** The `cidr-canvas:` line of a plan object: its list, its position there, the object. */
  line(kind: string, o: object): string {
    return carryLine(kind, o, this.positions.get(o));
  }

  /** The object's `cidr-canvas:` line, then what a person should know about it. */
  describe(
    kind: ObjectKind,
    o: { id: string; name?: string; description?: string },
    what = kindTitle(kind),
  ): Item[] {
    const out = [
      note(this.line(KINDS[kind].collection, o)),
      note(`${what} ${label(o)} (plan id ${o.id})`),
    ];
    if (o.description) out.push(note(o.description));
    return out;
  }

  /** An object that cannot be written: its `cidr-canvas:` line, so import keeps it, and why. */
  leftOut(kind: ObjectKind, o: { id: string; name?: string }, why: string): Item[] {
    return [
      note(this.line(KINDS[kind].collection, o)),
      note(`${kindTitle(kind)} ${label(o)} left out: ${why}`),
      blank,
    ];
  }

  zoneOf(s: Subnet | undefined): Expr {
    return s?.zone !== undefined
      ? str(s.zone)
      : this.variable({
          name: 'default_availability_zone',
          comments: ['The plan names no availability zone for some subnets; they go here.'],
          description: 'Availability zone for the subnets whose plan names none',
        });
  }

  sizeVariable(name: string, description: string, value: number): Expr {
    return this.variable({
      name,
      comments: [`${description}; size it before applying.`],
      description,
      type: 'number',
      default: num(value),
    });
  }
}
