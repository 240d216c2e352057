// A path filled in from its subnet's template (templates.ts) for one resource. A 100k plan's
// analysis holds 68,000 of them, and their messages and hops were most of what it allocated and
// kept: building them was a fifth of a full validation. Here they are written out when read,
// from the template and the resource's id, name and address; the rest is the template's. So
// each read of `message` or `hops` builds it anew: a reader that needs one many times keeps it.
//
// It reads as any PathResult in the same thread and writes the same JSON (toJSON). A copy to
// another thread (postMessage, structuredClone) sees only own fields, so whatever crosses one
// goes through `plainPath` first: the validation engine's replies do. The tests compare these
// paths plain (src/test-support/path-equality.ts).
import type { PathReason } from '../../rules/codes';
import type { Template } from './templates';
import { pathResult, type PathResult, type Verdict } from './types';

export class TemplatePath implements PathResult {
  readonly #t: Template;
  readonly #name: string;
  readonly #addr: string;

  constructor(
    t: Template,
    /** The resource's id: the flow ends at it. */
    readonly to: string,
    name: string,
    addr: string,
  ) {
    this.#t = t;
    this.#name = name;
    this.#addr = addr;
  }

  get from(): string {
    return this.#t.path.from;
  }

  get verdict(): Verdict {
    return this.#t.path.verdict;
  }

  get reason(): PathReason | null {
    return this.#t.path.reason;
  }

  get snatTo(): string | undefined {
    return this.#t.path.snatTo;
  }

  /** The template's hops with the resource's id, and the subnet it serves, in place. */
  get hops(): readonly string[] {
    const t = this.#t;
    const p = t.path;
    if (t.idHops.length === 0 && t.subnetHops.length === 0) return p.hops;
    const h = p.hops.slice();
    for (const i of t.subnetHops) h[i] = t.subnet;
    for (const i of t.idHops) h[i] = this.to;
    return h;
  }

  get message(): string {
    const t = this.#t;
    let message = t.parts[0]!;
    for (let i = 0; i < t.slots.length; i++) {
      const slot = t.slots[i];
      message += (slot === 0 ? this.to : slot === 1 ? this.#name : this.#addr) + t.parts[i + 1]!;
    }
    return message;
  }

  /** The plain object `pathResult` makes, field for field in the same order. */
  toJSON(): PathResult {
    const p = this.#t.path;
    return pathResult(p.from, this.to, p.verdict, this.hops, p.reason, this.message, p.snatTo);
  }
}

/** The path as a plain object, for a copy to another thread. */
export function plainPath(p: PathResult): PathResult {
  return p instanceof TemplatePath ? p.toJSON() : p;
}
