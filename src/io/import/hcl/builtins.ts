// What HCL computes on values, apart from the syntax: its operators, and the functions a network
// configuration uses (CIDR arithmetic, collections, strings). A function not listed here is
// Unresolved where it is called.
import { blockAt, formatCidr, parseCidr } from '../../../domain/ip/cidr';
import { describe, isLazy, type Value } from './value';

/** A binary operator on two values; undefined when it does not apply to them. */
export function binary(op: string, a: Value, b: Value): Value | undefined {
  switch (op) {
    case '==':
      return JSON.stringify(a) === JSON.stringify(b);
    case '!=':
      return JSON.stringify(a) !== JSON.stringify(b);
    case '&&':
    case '||':
      if (typeof a === 'boolean' && typeof b === 'boolean') return op === '&&' ? a && b : a || b;
      break;
    default: {
      const x = typeof a === 'string' ? Number(a) : a;
      const y = typeof b === 'string' ? Number(b) : b;
      if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y))
        break;
      switch (op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return x / y;
        case '%':
          return x % y;
        case '<':
          return x < y;
        case '>':
          return x > y;
        case '<=':
          return x <= y;
        case '>=':
          return x >= y;
      }
    }
  }
  return undefined;
}

function asList(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  throw new Error(`expected a list, got ${describe(v)}`);
}

function asMap(v: Value): Record<string, Value> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isLazy(v)) return v;
  throw new Error(`expected a map, got ${describe(v)}`);
}

function asNumber(v: Value): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || Number.isNaN(n))
    throw new Error(`expected a number, got ${describe(v)}`);
  return n;
}

function asString(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`expected a string, got ${describe(v)}`);
}

function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const r = parseCidr(prefix);
  if (!r.ok) throw new Error(r.error);
  const c = r.cidr;
  const bits = c.family === 4 ? 32 : 128;
  const p = c.prefix + newbits;
  if (p > bits) throw new Error(`${prefix} has no room for ${newbits} more bits`);
  if (netnum < 0 || netnum >= 2 ** newbits)
    throw new Error(`netnum ${netnum} does not fit in ${newbits} bits`);
  const addr =
    c.family === 4
      ? c.lo + netnum * 2 ** (bits - p)
      : c.lo + BigInt(netnum) * (1n << BigInt(bits - p));
  return formatCidr(blockAt(c.family, addr, p));
}

function cidrhost(prefix: string, hostnum: number): string {
  const r = parseCidr(prefix);
  if (!r.ok) throw new Error(r.error);
  if (r.cidr.family !== 4) throw new Error('only IPv4 prefixes are read');
  const size = r.cidr.hi - r.cidr.lo + 1;
  const n = hostnum < 0 ? size + hostnum : hostnum;
  if (n < 0 || n >= size) throw new Error(`host number ${hostnum} is outside ${prefix}`);
  return formatCidr(blockAt(4, r.cidr.lo + n, 32)).replace(/\/32$/, '');
}

/** A list without repeats, in first-seen order: a set, as the import holds one. */
function distinct([v]: Value[]): Value[] {
  return [...new Set(asList(v!).map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as Value);
}

export const FUNCTIONS: Readonly<Record<string, (a: Value[]) => Value>> = {
  cidrsubnet: ([p, b, n]) => cidrsubnet(asString(p!), asNumber(b!), asNumber(n!)),
  cidrhost: ([p, n]) => cidrhost(asString(p!), asNumber(n!)),
  cidrsubnets: ([p, ...bits]) => {
    const base = asString(p!);
    const r = parseCidr(base);
    if (!r.ok) throw new Error(r.error);
    const out: string[] = [];
    let next = r.cidr.family === 4 ? r.cidr.lo : 0;
    for (const b of bits) {
      const prefix = r.cidr.prefix + asNumber(b);
      const size = 2 ** (32 - prefix);
      next = Math.ceil(next / size) * size;
      out.push(formatCidr(blockAt(4, next, prefix)));
      next += size;
    }
    return out;
  },
  concat: (a) => a.flatMap(asList),
  element: ([l, i]) => {
    const list = asList(l!);
    return list[asNumber(i!) % list.length]!;
  },
  length: ([v]) =>
    typeof v === 'string' ? v.length : Array.isArray(v) ? v.length : Object.keys(asMap(v!)).length,
  lookup: ([m, k, d]) => {
    const map = asMap(m!);
    const key = asString(k!);
    if (key in map) return map[key]!;
    if (d === undefined) throw new Error(`no key ${JSON.stringify(key)} and no default`);
    return d;
  },
  merge: (a) => Object.assign({}, ...a.map(asMap)) as Record<string, Value>,
  keys: ([m]) => Object.keys(asMap(m!)).sort(),
  values: ([m]) =>
    Object.entries(asMap(m!))
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([, v]) => v),
  join: ([sep, l]) => asList(l!).map(asString).join(asString(sep!)),
  split: ([sep, s]) => asString(s!).split(asString(sep!)),
  format: ([f, ...rest]) => {
    let i = 0;
    return asString(f!).replace(/%%|%[sd]/g, (m) => (m === '%%' ? '%' : asString(rest[i++] ?? '')));
  },
  lower: ([s]) => asString(s!).toLowerCase(),
  upper: ([s]) => asString(s!).toUpperCase(),
  trimspace: ([s]) => asString(s!).trim(),
  replace: ([s, a, b]) => asString(s!).split(asString(a!)).join(asString(b!)),
  substr: ([s, o, l]) =>
    asString(s!).substr(asNumber(o!), asNumber(l!) < 0 ? undefined : asNumber(l!)),
  tostring: ([v]) => asString(v!),
  tonumber: ([v]) => asNumber(v!),
  tobool: ([v]) =>
    v === true || v === 'true'
      ? true
      : v === false || v === 'false'
        ? false
        : (() => {
            throw new Error(`expected a bool, got ${describe(v!)}`);
          })(),
  tolist: ([v]) => asList(v!),
  toset: distinct,
  tomap: ([v]) => asMap(v!),
  flatten: ([v]) => (asList(v!) as unknown[]).flat(Infinity) as Value[],
  distinct,
  compact: ([v]) => asList(v!).filter((x) => x !== null && x !== ''),
  coalesce: (a) => {
    const v = a.find((x) => x !== null && x !== '');
    if (v === undefined) throw new Error('every argument is null or empty');
    return v;
  },
  min: (a) => Math.min(...a.map(asNumber)),
  max: (a) => Math.max(...a.map(asNumber)),
  range: (a) => {
    const [start, end, step] =
      a.length === 1
        ? [0, asNumber(a[0]!), 1]
        : [asNumber(a[0]!), asNumber(a[1]!), a[2] === undefined ? 1 : asNumber(a[2])];
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
    return out;
  },
  zipmap: ([k, v]) => {
    const keys = asList(k!).map(asString);
    const vals = asList(v!);
    return Object.fromEntries(keys.map((key, i) => [key, vals[i]!]));
  },
};
