// What a computation read from the plan's routing, so that an edit to anything else can keep its
// answer. A computation is run inside `track`; the router and the path functions note the VPCs,
// CCNs and ranges they consult, and `track` hands them back with the value. Frames nest: an inner
// frame's reads are its own (a caller that depends on them adds them with `add`).
import type { Cidr } from '../ip/cidr';

/** What a computation read: VPCs whose tables, CCNs whose routes, ranges looked up. */
export interface ReadSet {
  readonly vpcs: ReadonlySet<string>;
  readonly ccns: ReadonlySet<string>;
  readonly ranges: readonly Cidr[];
}

interface Frame {
  readonly vpcs: Set<string>;
  readonly ccns: Set<string>;
  readonly ranges: Cidr[];
}

export class ReadTracker {
  private frame: Frame | null = null;

  /** Whether a computation is being tracked (else noting a read costs nothing). */
  get active(): boolean {
    return this.frame !== null;
  }

  /** Runs `fn` in a frame of its own that starts with `ranges`; its value and what it read. */
  track<T>(fn: () => T, ranges: readonly Cidr[] = []): { value: T; reads: ReadSet } {
    const outer = this.frame;
    const frame: Frame = { vpcs: new Set(), ccns: new Set(), ranges: [...ranges] };
    this.frame = frame;
    try {
      return { value: fn(), reads: frame };
    } finally {
      this.frame = outer;
    }
  }

  vpc(id: string): void {
    this.frame?.vpcs.add(id);
  }

  ccn(id: string): void {
    this.frame?.ccns.add(id);
  }

  range(a: Cidr, b?: Cidr): void {
    if (!this.frame) return;
    this.frame.ranges.push(a);
    if (b) this.frame.ranges.push(b);
  }

  /** Counts what another computation read (a cached one this one used) as read here too. */
  add(r: ReadSet): void {
    const f = this.frame;
    if (!f) return;
    for (const v of r.vpcs) f.vpcs.add(v);
    for (const x of r.ccns) f.ccns.add(x);
    for (const x of r.ranges) f.ranges.push(x);
  }
}
