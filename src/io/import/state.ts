// `terraform show -json` output: a state (`values`) or a saved plan (`planned_values`, with the
// `configuration` that says what a not-yet-known id refers to). Root and child modules, count and
// for_each instances; resources of other providers and data sources are skipped and counted.
import { isRecord } from './json-text';
import { JsonView, type TfResource } from './resources';
import { ImportError, type SkipList } from './types';

const TENCENTCLOUD = /(^|\/)tencentcloud$/;

function isTencentcloud(providerName: unknown, type: string): boolean {
  if (typeof providerName === 'string') return TENCENTCLOUD.test(providerName);
  return type.startsWith('tencentcloud_');
}

/** What other providers' resources are grouped under in the report: `aws_*`. */
function family(type: string): string {
  const cut = type.indexOf('_');
  return cut > 0 ? `${type.slice(0, cut)}_*` : type;
}

/** A saved plan's configuration, by module address: what each argument refers to. */
type References = Map<string, Record<string, unknown>>;

function configurationOf(doc: Record<string, unknown>): References {
  const out: References = new Map();
  const walk = (mod: unknown, prefix: string) => {
    if (!isRecord(mod)) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      if (isRecord(r) && typeof r.address === 'string' && isRecord(r.expressions))
        out.set(prefix + r.address, r.expressions);
    }
    if (isRecord(mod.module_calls)) {
      for (const [name, call] of Object.entries(mod.module_calls))
        if (isRecord(call)) walk(call.module, `${prefix}module.${name}.`);
    }
  };
  if (isRecord(doc.configuration)) walk(doc.configuration.root_module, '');
  return out;
}

/** The address without its instance key: `module.a.tencentcloud_vpc.x["k"]` → `module.a.tencentcloud_vpc.x`. */
function withoutIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

class StateResource extends JsonView implements TfResource {
  constructor(
    readonly type: string,
    readonly address: string,
    readonly id: string,
    values: Record<string, unknown>,
    private readonly expressions: Record<string, unknown> | undefined,
    private readonly resolve: (reference: string, from: string) => string | undefined,
  ) {
    super(values, address);
  }

  get at(): string {
    return this.address;
  }

  override get(name: string): unknown {
    const v = super.get(name);
    if (v !== undefined || !this.expressions) return v;
    // Not known until apply: a saved plan's configuration says which resource it comes from.
    const e = this.expressions[name];
    if (!isRecord(e) || !Array.isArray(e.references)) return undefined;
    const refs = e.references.filter((x): x is string => typeof x === 'string');
    for (const ref of refs) {
      const id = this.resolve(ref, this.address);
      if (id !== undefined) return id;
    }
    throw new ImportError(
      this.where(name),
      `${name} is not known until apply and refers to ${refs[0] ?? 'nothing'}, which is not in the input`,
    );
  }
}

export interface StateRead {
  readonly resources: TfResource[];
  readonly tencentcloud: number;
}

/**
 * A raw state file (terraform.tfstate, format version 4) as `terraform show -json` would print it:
 * people often have the file itself at hand.
 */
function fromRawState(doc: Record<string, unknown>): Record<string, unknown> {
  const resources: unknown[] = [];
  for (const r of Array.isArray(doc.resources) ? doc.resources : []) {
    if (!isRecord(r) || typeof r.type !== 'string' || typeof r.name !== 'string') continue;
    const provider =
      typeof r.provider === 'string'
        ? /provider\["?([^"\]]+)"?\]/.exec(r.provider)?.[1]
        : undefined;
    const prefix = `${typeof r.module === 'string' ? `${r.module}.` : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
    for (const i of Array.isArray(r.instances) ? r.instances : []) {
      if (!isRecord(i)) continue;
      const key = i.index_key;
      const address =
        key === undefined
          ? prefix
          : `${prefix}[${typeof key === 'number' ? key : JSON.stringify(key)}]`;
      resources.push({
        address,
        mode: r.mode,
        type: r.type,
        name: r.name,
        provider_name: provider,
        values: isRecord(i.attributes) ? i.attributes : {},
      });
    }
  }
  return {
    format_version: '1.0',
    terraform_version: doc.terraform_version,
    values: { root_module: { resources } },
  };
}

export function readState(name: string, input: unknown, skipped: SkipList): StateRead {
  const doc =
    isRecord(input) && typeof input.version === 'number' && Array.isArray(input.resources)
      ? fromRawState(input)
      : input;
  if (!isRecord(doc))
    throw new ImportError(name, 'expected the JSON object that `terraform show -json` prints');
  const values = isRecord(doc.values)
    ? doc.values
    : isRecord(doc.planned_values)
      ? doc.planned_values
      : undefined;
  if (!values) {
    if (typeof doc.format_version === 'string')
      throw new ImportError(name, 'an empty state: no resources (`values` is missing)');
    throw new ImportError(
      name,
      'expected the output of `terraform show -json`: no `values` or `planned_values`',
    );
  }
  const fromPlan = !isRecord(doc.values);
  const config = fromPlan ? configurationOf(doc) : new Map<string, Record<string, unknown>>();
  const raw: { type: string; address: string; values: Record<string, unknown> }[] = [];
  let tencentcloud = 0;
  const walk = (mod: unknown, path: string) => {
    if (!isRecord(mod)) return;
    const list = mod.resources;
    if (list !== undefined && !Array.isArray(list))
      throw new ImportError(`${name} ${path}.resources`, 'expected a list of resources');
    (list ?? []).forEach((r: unknown, i: number) => {
      const at = `${path}.resources[${i}]`;
      if (!isRecord(r) || typeof r.type !== 'string' || typeof r.address !== 'string')
        throw new ImportError(`${name} ${at}`, 'expected a resource with a type and an address');
      if (!isTencentcloud(r.provider_name, r.type)) {
        skipped.add(family(r.type), r.address, 'not tencentcloud');
        return;
      }
      tencentcloud++;
      if (r.mode === 'data') {
        skipped.add(
          `data.${r.type}`,
          r.address,
          'a data source describes, it does not hold, a network object',
        );
        return;
      }
      raw.push({ type: r.type, address: r.address, values: isRecord(r.values) ? r.values : {} });
    });
    const children = mod.child_modules;
    if (Array.isArray(children)) children.forEach((c, i) => walk(c, `${path}.child_modules[${i}]`));
  };
  walk(values.root_module, `$.${fromPlan ? 'planned_values' : 'values'}.root_module`);

  const idOf = new Map<string, string>();
  for (const r of raw)
    idOf.set(
      r.address,
      typeof r.values.id === 'string' && r.values.id !== '' ? r.values.id : r.address,
    );
  const resolve = (reference: string, from: string): string | undefined => {
    // `tencentcloud_vpc.main.id`, relative to the module the reference is written in.
    const m = /^(.*?)([A-Za-z0-9_]+\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?)\.id$/.exec(reference);
    if (!m) return undefined;
    const mod = /^((?:module\.[^.]+(?:\[[^\]]*\])?\.)*)/.exec(from)![1]!;
    return idOf.get(mod + m[1]! + m[2]!);
  };
  const resources = raw.map(
    (r) =>
      new StateResource(
        r.type,
        r.address,
        idOf.get(r.address)!,
        r.values,
        config.get(withoutIndex(r.address).replace(/\[[^\]]*\]\./g, '.')),
        resolve,
      ),
  );
  return { resources, tencentcloud };
}
