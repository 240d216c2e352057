// One instance of a resource block as the mapping reads it (a TfResource): its arguments and
// nested blocks are evaluated only when read, so an argument the network does not need is never
// evaluated and never fails the import.
import type { SyntaxNode } from '@lezer/common';
import { PLAN_ID_TAG } from '../../export/terraform-carry';
import type { TfResource, TfView } from '../resources';
import { ImportError } from '../types';
import type { BlockDecl } from './declarations';
import { at, bodyAttributes, child, nestedBlocks } from './syntax';
import { isLazy, Unresolved, type Lazy, type Scope, type Value } from './value';

/** What an instance needs of its configuration to evaluate its arguments. */
export interface Resolver {
  /** The names an argument sees, with count or each of its instance. */
  scope(extra?: Map<string, Value>): Scope;
  /** Runs f, unless key is already being evaluated: then a reference loop is the error. */
  guard<T>(key: string, where: string, f: () => T): T;
}

/** One instance of a resource block; its arguments are evaluated when the mapping reads them. */
export class ConfigResource implements TfResource {
  readonly lazy: Lazy;
  readonly type: string;
  readonly id: string;
  readonly at: string;
  private readonly view: BlockView;

  constructor(
    private readonly config: Resolver,
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
        if (!decl.attrs.has(name)) {
          // A route's next hop `tencentcloud_instance.x.private_ip` names that CVM even when its
          // address is allocated at apply: the hop is the instance (by its id), not a guessed IP.
          if (decl.type === 'tencentcloud_instance' && name === 'private_ip') return this.id;
          throw new Unresolved(where, `${address}.${name} is known only after apply`);
        }
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
    private readonly config: Resolver,
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
    // `name {}` has no Body node: the block stands in for an empty one.
    return nestedBlocks(this.body, this.decl.src, name).map(
      (b, i) =>
        new BlockView(
          this.config,
          this.decl,
          child(b, 'Body') ?? b,
          this.extra,
          `${this.address}.${name}[${i}]`,
        ),
    );
  }
}

function deepPlain(v: Value, where: string): unknown {
  if (isLazy(v)) throw new Unresolved(where, `${v.description} is not a value`);
  if (Array.isArray(v)) return v.map((x) => deepPlain(x, where));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepPlain(x, where)]));
  return v;
}
