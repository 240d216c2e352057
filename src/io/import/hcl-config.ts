// Terraform configuration (.tf files) for the tencentcloud provider, read with the HCL parser of
// codemirror-lang-hcl (a Lezer grammar, pure JavaScript: it runs in Node and in the browser and
// is loaded only when .tf files are imported). Variables take their defaults, locals and
// references between resources are resolved, count and for_each expand to instances. A value the
// files do not determine (a variable without a default, an attribute known only after apply, a
// resource that is not in the files) is reported at its file and line when the network needs it.
import type { SyntaxNode } from '@lezer/common';
import { hclLanguage } from 'codemirror-lang-hcl';
import {
  at,
  children,
  Evaluator,
  isLazy,
  lineOf,
  sourceOf,
  textOf,
  Unresolved,
  type Lazy,
  type Scope,
  type Source,
  type Value,
} from './hcl-eval';
import { PLAN_ID_TAG, readCarryLine } from '../export/terraform-carry';
import type { Carried } from './carried';
import type { TfResource, TfView } from './resources';
import { ImportError, type ImportFile, type ImportProblem, type SkipList } from './types';

interface Decl {
  readonly src: Source;
  readonly node: SyntaxNode;
  readonly ev: Evaluator;
}

interface BlockDecl extends Decl {
  readonly type: string;
  readonly name: string;
  readonly body: SyntaxNode;
  readonly attrs: Map<string, SyntaxNode>;
  /** The id in the `cidr-canvas:` line right above the block, if one is (for untagged resources). */
  carriedId?: string;
}

function labelText(src: Source, n: SyntaxNode): string {
  const t = textOf(src, n);
  return t.startsWith('"') ? t.slice(1, -1) : t;
}

function bodyAttributes(body: SyntaxNode | undefined, src: Source): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  if (!body) return out;
  for (const c of children(body)) {
    if (c.name !== 'Attribute') continue;
    const parts = children(c);
    const key = textOf(
      src,
      parts.find((p) => p.name === 'Identifier')!,
    );
    const expr = parts.find((p) => p.name === 'Expression');
    if (expr) out.set(key, expr);
  }
  return out;
}

function nestedBlocks(body: SyntaxNode, src: Source, type: string): SyntaxNode[] {
  return children(body).filter(
    (c) =>
      c.name === 'Block' &&
      textOf(
        src,
        children(c).find((p) => p.name === 'BlockType')!,
      ) === type,
  );
}

function blockParts(block: SyntaxNode, src: Source) {
  const parts = children(block);
  return {
    type: textOf(
      src,
      parts.find((p) => p.name === 'BlockType')!,
    ),
    labels: parts.filter((p) => p.name === 'BlockLabel').map((p) => labelText(src, p)),
    body: parts.find((p) => p.name === 'Body'),
  };
}

function family(type: string): string {
  const cut = type.indexOf('_');
  return cut > 0 ? `${type.slice(0, cut)}_*` : type;
}

class Configuration {
  readonly problems: ImportProblem[] = [];
  readonly notes: string[] = [];
  private readonly variables = new Map<string, Decl & { expr?: SyntaxNode }>();
  private readonly locals = new Map<string, Decl & { expr: SyntaxNode }>();
  private readonly resources = new Map<string, BlockDecl>();
  private readonly data = new Map<string, BlockDecl>();
  private readonly providers = new Map<string, Decl & { region?: SyntaxNode }>();
  private readonly localCache = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private readonly instanceCache = new Map<string, Value>();
  readonly instances: ConfigResource[] = [];
  readonly carried: Carried[] = [];
  tencentcloud = 0;

  constructor(
    files: readonly ImportFile[],
    private readonly skipped: SkipList,
  ) {
    const parser = hclLanguage.parser;
    for (const f of files) {
      const src = sourceOf(f.name, f.text);
      const tree = parser.parse(f.text);
      let error: number | undefined;
      tree.iterate({
        enter: (n) => {
          if (error !== undefined) return false;
          if (n.type.isError) error = n.from;
          return undefined;
        },
      });
      if (error !== undefined) {
        const end = error >= f.text.trimEnd().length;
        this.problems.push({
          where: at(src, Math.min(error, f.text.length)),
          message: end
            ? 'the file ends in the middle of a block or expression: it looks truncated (not valid HCL)'
            : `not valid HCL here: ${JSON.stringify(f.text.slice(error, error + 30).split('\n')[0])}`,
        });
        continue;
      }
      // Carried lines by line number: one names the object of the next resource block.
      const lineIds = new Map<number, string>();
      f.text.split('\n').forEach((line, i) => {
        if (!line.includes('cidr-canvas:')) return;
        const c = readCarryLine(line);
        if (!c) return;
        this.carried.push({ ...c, at: `${f.name}:${i + 1}` });
        const id = (c.object as { id?: unknown } | null)?.id;
        if (typeof id === 'string') lineIds.set(i + 1, id);
      });
      let pendingFrom = 0;
      const ev = new Evaluator(src);
      const top = tree.topNode.getChild('Body');
      if (!top) continue;
      for (const block of children(top)) {
        if (block.name === 'Attribute') {
          this.problems.push({
            where: at(src, block),
            message: 'an attribute outside any block: not a Terraform file',
          });
          continue;
        }
        if (block.name !== 'Block') continue;
        const { type, labels, body } = blockParts(block, src);
        const attrs = bodyAttributes(body, src);
        switch (type) {
          case 'variable':
            this.variables.set(labels[0]!, {
              src,
              node: block,
              ev,
              ...(attrs.has('default') ? { expr: attrs.get('default')! } : {}),
            });
            break;
          case 'locals':
            for (const [k, expr] of attrs) this.locals.set(k, { src, node: block, ev, expr });
            break;
          case 'provider':
            if (labels[0] === 'tencentcloud') {
              const alias = attrs.get('alias');
              const aliasValue = alias ? ev.eval(alias, this.scope()) : '';
              const key = typeof aliasValue === 'string' ? aliasValue : '';
              this.providers.set(key, {
                src,
                node: block,
                ev,
                ...(attrs.has('region') ? { region: attrs.get('region')! } : {}),
              });
            }
            break;
          case 'resource':
          case 'data': {
            const [rtype, rname] = labels;
            if (!rtype || !rname) {
              this.problems.push({
                where: at(src, block),
                message: `a ${type} block needs a type and a name`,
              });
              break;
            }
            // `data "x" "y" {}` has no Body node: the block stands in for an empty one.
            const decl: BlockDecl = {
              src,
              node: block,
              ev,
              type: rtype,
              name: rname,
              body: body ?? block,
              attrs,
            };
            const address = `${type === 'data' ? 'data.' : ''}${rtype}.${rname}`;
            if (!rtype.startsWith('tencentcloud_')) {
              this.skipped.add(family(rtype), `${address} (${at(src, block)})`, 'not tencentcloud');
              break;
            }
            this.tencentcloud++;
            if (type === 'data') {
              this.data.set(address, decl);
              this.skipped.add(
                `data.${rtype}`,
                address,
                'a data source describes, it does not hold, a network object',
              );
            } else {
              const line = lineOf(src, block.from);
              for (const [n, id] of lineIds) if (n > pendingFrom && n < line) decl.carriedId = id;
              pendingFrom = line;
              this.resources.set(address, decl);
            }
            break;
          }
          case 'module':
            this.skipped.add(
              'module',
              `module.${labels[0] ?? '?'} (${at(src, block)})`,
              'modules are not read from .tf files: import `terraform show -json` of the state instead',
            );
            break;
          default:
            break;
        }
      }
    }
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
    const v = this.variables.get(name);
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
    const l = this.locals.get(name);
    if (!l) throw new Unresolved(where, `local.${name} is not declared in the files`);
    const v = this.guard(`local.${name}`, where, () => l.ev.eval(l.expr, this.scope()));
    this.localCache.set(name, v);
    return v;
  }

  /** A resource as an expression sees it: one instance, or a list (count) or map (for_each) of them. */
  private resourceValue(address: string, where: string): Value {
    const cached = this.instanceCache.get(address);
    if (cached !== undefined) return cached;
    if (!this.resources.has(address)) throw new Unresolved(where, `${address} is not in the files`);
    const list = this.expand(address);
    const d = this.resources.get(address)!;
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
    const d = this.resources.get(address)!;
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
    for (const address of this.resources.keys()) {
      try {
        this.instances.push(...this.expand(address));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        this.problems.push({ where: e.where, message: e.message });
      }
    }
  }
}

/** One instance of a resource block; its arguments are evaluated when the mapping reads them. */
class ConfigResource implements TfResource {
  readonly lazy: Lazy;
  readonly type: string;
  readonly id: string;
  readonly at: string;
  private readonly view: BlockView;

  constructor(
    private readonly config: Configuration,
    private readonly decl: BlockDecl,
    readonly address: string,
    private readonly extra: Map<string, Value>,
    readonly region: string | undefined,
    readonly key?: string,
  ) {
    this.type = decl.type;
    this.id = address;
    this.at = `${at(decl.src, decl.node)} (${address})`;
    this.view = new BlockView(config, decl, decl.body, extra, address);
    this.lazy = {
      lazy: true,
      description: address,
      attr: (name, where) => {
        if (name === 'id') return this.id;
        if (!decl.attrs.has(name))
          throw new Unresolved(where, `${address}.${name} is known only after apply`);
        return (this.view.get(name) ?? null) as Value;
      },
    };
  }

  get(name: string): unknown {
    return this.view.get(name);
  }

  /** The export's `cidr-canvas-id` tag; a tag the files do not determine is no plan id. */
  get planId(): string | undefined {
    try {
      const tags = this.view.get('tags');
      const id =
        typeof tags === 'object' && tags !== null
          ? (tags as Record<string, unknown>)[PLAN_ID_TAG]
          : undefined;
      if (typeof id === 'string' && id !== '') return id;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
    }
    return this.decl.carriedId;
  }

  where(name: string): string {
    return this.view.where(name);
  }

  blocks(name: string): TfView[] {
    return this.view.blocks(name);
  }
}

class BlockView implements TfView {
  private readonly attrs: Map<string, SyntaxNode>;

  constructor(
    private readonly config: Configuration,
    private readonly decl: BlockDecl,
    private readonly body: SyntaxNode,
    private readonly extra: Map<string, Value>,
    private readonly address: string,
  ) {
    this.attrs = bodyAttributes(body, decl.src);
  }

  get(name: string): unknown {
    const expr = this.attrs.get(name);
    if (!expr) return undefined;
    try {
      const value = this.config.guard(`${this.address}.${name}`, at(this.decl.src, expr), () =>
        this.decl.ev.eval(expr, this.config.scope(this.extra)),
      );
      if (isLazy(value))
        throw new Unresolved(
          at(this.decl.src, expr),
          `${name} is ${value.description}, not a value`,
        );
      return value === null ? undefined : deepPlain(value, at(this.decl.src, expr));
    } catch (e) {
      // Said once, by the argument the mapping asked for: `cidr_block: var.cidr has no default`.
      if (e instanceof Unresolved && !e.named) {
        const named = new Unresolved(e.where, `${name}: ${e.message}`);
        named.named = true;
        throw named;
      }
      throw e;
    }
  }

  where(name: string): string {
    const expr = this.attrs.get(name);
    return expr ? at(this.decl.src, expr) : at(this.decl.src, this.body);
  }

  blocks(name: string): TfView[] {
    return nestedBlocks(this.body, this.decl.src, name).map((b, i) => {
      const body = children(b).find((p) => p.name === 'Body');
      return body
        ? new BlockView(this.config, this.decl, body, this.extra, `${this.address}.${name}[${i}]`)
        : new BlockView(this.config, this.decl, b, this.extra, `${this.address}.${name}[${i}]`);
    });
  }
}

function deepPlain(v: Value, where: string): unknown {
  if (isLazy(v)) throw new Unresolved(where, `${v.description} is not a value`);
  if (Array.isArray(v)) return v.map((x) => deepPlain(x, where));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepPlain(x, where)]));
  return v;
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
    tencentcloud: config.tencentcloud + config.carried.length,
    notes: config.notes,
    carried: config.carried,
  };
}
