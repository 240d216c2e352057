// A Terraform resource as the mapping reads it, whichever file it came from: a state's values
// (already resolved by Terraform) or a configuration's arguments (resolved here, lazily, so an
// argument the network does not need is never evaluated and never fails the import).

export interface TfView {
  /**
   * An argument or attribute; undefined when absent or null. Throws ImportError when it is
   * written but cannot be resolved (a variable without a default, an unknown reference).
   */
  get(name: string): unknown;
  /** Where the argument is, for messages: `main.tf:14` or `tencentcloud_subnet.a.cidr_block`. */
  where(name: string): string;
  /** The nested blocks of that name, in order (a state holds them as a list of objects). */
  blocks(name: string): TfView[];
}

export interface TfResource extends TfView {
  readonly type: string;
  /** `tencentcloud_vpc.main`, `module.net.tencentcloud_subnet.s["a"]`. */
  readonly address: string;
  /** What other resources hold when they refer to this one's id: the cloud id, or the address. */
  readonly id: string;
  /** Where it is declared: `main.tf:12`, or its address in a state. */
  readonly at: string;
  /** The region of its provider, when the input says. */
  readonly region?: string;
  /**
   * The id of the plan object it was made from, when the input carries one (the export's
   * `cidr-canvas-id` tag in .tf files); otherwise the object takes `id`.
   */
  readonly planId?: string;
}

/** A view over plain JSON values, as a state or a saved plan holds them. */
export class JsonView implements TfView {
  constructor(
    protected readonly values: Readonly<Record<string, unknown>>,
    protected readonly base: string,
  ) {}

  get(name: string): unknown {
    const v = this.values[name];
    return v === null ? undefined : v;
  }

  where(name: string): string {
    return `${this.base}.${name}`;
  }

  blocks(name: string): TfView[] {
    const v = this.values[name];
    if (!Array.isArray(v)) return [];
    return v
      .filter((b): b is Record<string, unknown> => typeof b === 'object' && b !== null)
      .map((b, i) => new JsonView(b, `${this.base}.${name}[${i}]`));
  }
}
