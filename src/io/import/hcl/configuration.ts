// Terraform configuration (.tf files) for the tencentcloud provider, evaluated: variables take
// their defaults, locals and references between resources are resolved, count and for_each
// expand to instances. A value the files do not determine (a variable without a default, an
// attribute known only after apply, a resource that is not in the files) is reported at its file
// and line when the network needs it.
import type { Carried } from '../carried';
import type { TfResource } from '../resources';
import { ImportError, type ImportFile, type ImportProblem, type SkipList } from '../types';
import { ConfigResource, type Resolver } from './config-resource';
import {
  readDeclarations,
  type BlockDecl,
  type Declarations,
  type ProviderDecl,
} from './declarations';
import { at, textOf } from './syntax';
import { isLazy, Unresolved, type Lazy, type Scope, type Value } from './value';

class Configuration implements Resolver {
  readonly decl: Declarations;
  readonly notes: string[] = [];
  private readonly providers = new Map<string, ProviderDecl>();
  private readonly localCache = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private readonly instanceCache = new Map<string, Value>();
  readonly instances: ConfigResource[] = [];

  constructor(files: readonly ImportFile[], skipped: SkipList) {
    this.decl = readDeclarations(files, skipped);
    for (const p of this.decl.providers) {
      const alias = p.alias ? p.ev.eval(p.alias, this.scope()) : '';
      this.providers.set(typeof alias === 'string' ? alias : '', p);
    }
  }

  get problems(): ImportProblem[] {
    return this.decl.problems;
  }

  scope(extra?: Map<string, Value>): Scope {
    return {
      lookup: (name, node, src) => {
        if (extra?.has(name)) return extra.get(name)!;
        switch (name) {
          case 'var':
            return this.namespace('var', (k, where) => this.variable(k, where));
          case 'local':
            return this.namespace('local', (k, where) => this.local(k, where));
          case 'data':
            return this.namespace('data', (type) =>
              this.namespace(`data.${type}`, (rname, where) => {
                throw new Unresolved(
                  where,
                  `data.${type}.${rname} is read from the cloud at plan time, not from the files`,
                );
              }),
            );
          case 'module':
            return this.namespace('module', (m, where) => {
              throw new Unresolved(
                where,
                `module.${m} is not read from .tf files: import the state instead`,
              );
            });
          case 'count':
          case 'each':
            throw new Unresolved(
              at(src, node),
              `${name} is used outside a resource with ${name === 'each' ? 'for_each' : 'count'}`,
            );
          case 'path':
          case 'terraform':
          case 'self':
            throw new Unresolved(at(src, node), `${name}.* is not read by the import`);
          default:
            if (name.startsWith('tencentcloud_') || /^[a-z0-9]+_/.test(name))
              return this.namespace(name, (rname, where) =>
                this.resourceValue(`${name}.${rname}`, where),
              );
            throw new Unresolved(at(src, node), `${name} is not declared`);
        }
      },
    };
  }

  /** `var`, `local`, a resource type: an object whose attributes are looked up when read. */
  private namespace(description: string, attr: (name: string, where: string) => Value): Lazy {
    return { lazy: true, description, attr };
  }

  guard<T>(key: string, where: string, f: () => T): T {
    if (this.evaluating.has(key)) throw new Unresolved(where, `${key} refers to itself`);
    this.evaluating.add(key);
    try {
      return f();
    } finally {
      this.evaluating.delete(key);
    }
  }

  private variable(name: string, where: string): Value {
    const v = this.decl.variables.get(name);
    if (!v) throw new Unresolved(where, `var.${name} is not declared in the files`);
    if (!v.expr)
      throw new Unresolved(
        where,
        `var.${name} has no default (declared at ${at(v.src, v.node)}); the import does not guess it`,
      );
    return this.guard(`var.${name}`, where, () => v.ev.eval(v.expr!, this.scope()));
  }

  private local(name: string, where: string): Value {
    if (this.localCache.has(name)) return this.localCache.get(name)!;
    const l = this.decl.locals.get(name);
    if (!l) throw new Unresolved(where, `local.${name} is not declared in the files`);
    const v = this.guard(`local.${name}`, where, () => l.ev.eval(l.expr, this.scope()));
    this.localCache.set(name, v);
    return v;
  }

  /** A resource as an expression sees it: one instance, or a list (count) or map (for_each) of them. */
  private resourceValue(address: string, where: string): Value {
    const cached = this.instanceCache.get(address);
    if (cached !== undefined) return cached;
    if (!this.decl.resources.has(address))
      throw new Unresolved(where, `${address} is not in the files`);
    const list = this.expand(address);
    const d = this.decl.resources.get(address)!;
    let v: Value;
    if (d.attrs.has('count')) v = list.map((r) => r.lazy);
    else if (d.attrs.has('for_each')) v = Object.fromEntries(list.map((r) => [r.key!, r.lazy]));
    else v = list[0]!.lazy;
    this.instanceCache.set(address, v);
    return v;
  }

  private expanded = new Map<string, ConfigResource[]>();

  /** The instances of a resource: count and for_each evaluated. */
  expand(address: string): ConfigResource[] {
    const done = this.expanded.get(address);
    if (done) return done;
    const d = this.decl.resources.get(address)!;
    const out: ConfigResource[] = [];
    const region = this.regionOf(d);
    const count = d.attrs.get('count');
    const forEach = d.attrs.get('for_each');
    if (count) {
      const n = this.guard(`${address}.count`, at(d.src, count), () =>
        d.ev.eval(count, this.scope()),
      );
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw new Unresolved(
          at(d.src, count),
          `count of ${address} should be a whole number, got ${JSON.stringify(n)}`,
        );
      for (let i = 0; i < n; i++)
        out.push(
          new ConfigResource(
            this,
            d,
            `${address}[${i}]`,
            new Map([['count', { index: i }]]),
            region,
          ),
        );
    } else if (forEach) {
      const coll = this.guard(`${address}.for_each`, at(d.src, forEach), () =>
        d.ev.eval(forEach, this.scope()),
      );
      let entries: [string, Value][];
      if (Array.isArray(coll))
        entries = coll.map((k) => [
          typeof k === 'string' || typeof k === 'number' ? String(k) : JSON.stringify(k),
          k,
        ]);
      else if (coll !== null && typeof coll === 'object' && !isLazy(coll))
        entries = Object.entries(coll);
      else
        throw new Unresolved(
          at(d.src, forEach),
          `for_each of ${address} should be a map or a set, got ${JSON.stringify(coll)}`,
        );
      for (const [k, v] of entries) {
        out.push(
          new ConfigResource(
            this,
            d,
            `${address}[${JSON.stringify(k)}]`,
            new Map([['each', { key: k, value: v }]]),
            region,
            k,
          ),
        );
      }
    } else out.push(new ConfigResource(this, d, address, new Map(), region));
    this.expanded.set(address, out);
    return out;
  }

  private regionOf(d: BlockDecl): string | undefined {
    const p = d.attrs.get('provider');
    const alias = p ? textOf(d.src, p).replace(/^tencentcloud\.?/, '') : '';
    const provider = this.providers.get(alias);
    if (!provider?.region) return undefined;
    try {
      const r = provider.ev.eval(provider.region, this.scope());
      return typeof r === 'string' ? r : undefined;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      this.notes.push(
        `${e.where}: the provider's region is not known (${e.message}): VPCs left without a region`,
      );
      return undefined;
    }
  }

  resolveAll(): void {
    for (const address of this.decl.resources.keys()) {
      try {
        this.instances.push(...this.expand(address));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        this.problems.push({ where: e.where, message: e.message });
      }
    }
  }
}

export function readConfiguration(
  files: readonly ImportFile[],
  skipped: SkipList,
):
  | { ok: true; resources: TfResource[]; tencentcloud: number; notes: string[]; carried: Carried[] }
  | { ok: false; problems: ImportProblem[] } {
  const config = new Configuration(files, skipped);
  if (config.problems.length > 0) return { ok: false, problems: config.problems };
  config.resolveAll();
  if (config.problems.length > 0) return { ok: false, problems: config.problems };
  return {
    ok: true,
    resources: config.instances,
    // A file of only carried lines (a plan of reservations, say) is still an export.
    tencentcloud: config.decl.tencentcloud + config.decl.carried.length,
    notes: config.notes,
    carried: config.decl.carried,
  };
}
