// The one module that knows how addresses are written and counted. IPv4 is parsed by hand into
// plain numbers because ipaddr.js costs microseconds a call and large plans hold 100,000 ranges;
// IPv6 goes through ipaddr.js. Everything else in the product sees only `Cidr`.
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

/** An IPv4 block: `lo`..`hi` are the first and last address as unsigned 32-bit numbers. */
export interface Cidr4 {
  readonly family: 4;
  readonly prefix: number;
  readonly lo: number;
  readonly hi: number;
}

/** An IPv6 block: `lo`..`hi` are the first and last address as 128-bit bigints. */
export interface Cidr6 {
  readonly family: 6;
  readonly prefix: number;
  readonly lo: bigint;
  readonly hi: bigint;
}

export type Cidr = Cidr4 | Cidr6;

export type ParseResult =
  | { readonly ok: true; readonly cidr: Cidr }
  | { readonly ok: false; readonly error: string; readonly suggestion?: string };

const V4_BITS = 32;
const V6_BITS = 128;
const TWO32 = 2 ** 32;

function v4Block(addr: number, prefix: number): Cidr4 {
  const size = 2 ** (V4_BITS - prefix);
  const lo = addr - (addr % size);
  return { family: 4, prefix, lo, hi: lo + size - 1 };
}

function v6Block(addr: bigint, prefix: number): Cidr6 {
  const size = 1n << BigInt(V6_BITS - prefix);
  const lo = addr - (addr % size);
  return { family: 6, prefix, lo, hi: lo + size - 1n };
}

/** Strict dotted quad: four decimal parts 0..255 without leading zeros (which some tools read as octal). */
function parseV4(text: string): number | string {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let leadingZero = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46; // a virtual final '.'
    if (c === 46) {
      if (digits === 0) return 'an empty part';
      if (leadingZero && digits > 1) return 'a part with a leading zero';
      if (part > 255) return `a part above 255 (${part})`;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
      leadingZero = false;
    } else if (c >= 48 && c <= 57) {
      if (digits === 0 && c === 48) leadingZero = true;
      part = part * 10 + (c - 48);
      digits++;
      if (digits > 3) return 'a part with more than three digits';
    } else {
      return `the character ${JSON.stringify(text[i])}`;
    }
  }
  if (parts !== 4) return `${parts} parts instead of 4`;
  return value;
}

function parseV6(text: string): bigint | string {
  if (text.includes('%')) return 'a zone index';
  let hex = text;
  const dot = text.indexOf('.');
  if (dot >= 0) {
    // An embedded dotted quad is the low 32 bits (RFC 4291 2.2). Parse it as strictly as any
    // IPv4 address, and hand ipaddr.js hex only: it rewrites "::a.b.c.d" into a mapped address.
    const colon = text.lastIndexOf(':');
    if (colon < 0 || colon > dot) return 'not a valid IPv6 address';
    const v4 = parseV4(text.slice(colon + 1));
    if (typeof v4 === 'string') return `an embedded IPv4 address with ${v4}`;
    hex = `${text.slice(0, colon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(hex)) return 'not a valid IPv6 address';
  let value = 0n;
  for (const part of ipaddr.IPv6.parse(hex).parts) value = (value << 16n) | BigInt(part);
  return value;
}

function parsePrefix(text: string, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]{0,2})$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/**
 * The common case in one pass over the characters: a well-formed IPv4 CIDR with no host bits.
 * Anything else (IPv6, errors, host bits) returns undefined and takes the general path, which
 * also words the error.
 */
function fastV4(text: string): Cidr4 | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let i = 0;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // a leading zero
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46 || c === 47) {
      if (digits === 0) return undefined;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
      if (c === 47) break;
      if (parts > 3) return undefined;
    } else return undefined;
  }
  if (parts !== 4 || i >= n) return undefined;
  let prefix = 0;
  let pd = 0;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || (pd > 0 && prefix === 0)) return undefined;
    prefix = prefix * 10 + (c - 48);
    if (++pd > 2 || prefix > 32) return undefined;
  }
  if (pd === 0) return undefined;
  const size = 2 ** (V4_BITS - prefix);
  if (value % size !== 0) return undefined;
  return { family: 4, prefix, lo: value, hi: value + size - 1 };
}

/** Parses a CIDR known to be valid, without the result wrapper (throws when it is not). */
export function toCidr(text: string): Cidr {
  const fast = fastV4(text);
  if (fast) return fast;
  const r = parseCidrSlow(text);
  if (!r.ok) throw new Error(r.error);
  return r.cidr;
}

/** Parses `a.b.c.d/n` or an IPv6 CIDR; refuses host bits, naming the block probably meant. */
export function parseCidr(text: string): ParseResult {
  const fast = fastV4(text);
  if (fast) return { ok: true, cidr: fast };
  return parseCidrSlow(text);
}

function parseCidrSlow(text: string): ParseResult {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) {
    return { ok: false, error: `${JSON.stringify(text)} is not a CIDR (address/prefix)` };
  }
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const isV6 = addrText.includes(':');
  const max = isV6 ? V6_BITS : V4_BITS;
  const prefix = parsePrefix(prefixText, max);
  if (prefix === undefined) {
    return {
      ok: false,
      error: `${JSON.stringify(text)} has prefix length ${JSON.stringify(prefixText)}; expected 0 to ${max}`,
    };
  }
  if (isV6) {
    const addr = parseV6(addrText);
    if (typeof addr === 'string') {
      return { ok: false, error: `${JSON.stringify(text)} is not an IPv6 CIDR: ${addr}` };
    }
    const cidr = v6Block(addr, prefix);
    if (cidr.lo !== addr) return hostBits(text, cidr);
    return { ok: true, cidr };
  }
  const addr = parseV4(addrText);
  if (typeof addr === 'string') {
    return { ok: false, error: `${JSON.stringify(text)} is not an IPv4 CIDR: it has ${addr}` };
  }
  const cidr = v4Block(addr, prefix);
  if (cidr.lo !== addr) return hostBits(text, cidr);
  return { ok: true, cidr };
}

function hostBits(text: string, meant: Cidr): ParseResult {
  const suggestion = formatCidr(meant);
  return {
    ok: false,
    error: `${JSON.stringify(text)} has host bits set; did you mean ${suggestion}?`,
    suggestion,
  };
}

/** Parses one address as a /32 or /128 block, so that addresses and ranges share every operation. */
export function parseIp(text: string): ParseResult {
  if (text.includes(':')) {
    const addr = parseV6(text);
    if (typeof addr === 'string') {
      return { ok: false, error: `${JSON.stringify(text)} is not an IPv6 address: ${addr}` };
    }
    return { ok: true, cidr: v6Block(addr, V6_BITS) };
  }
  const addr = parseV4(text);
  if (typeof addr === 'string') {
    return { ok: false, error: `${JSON.stringify(text)} is not an IP address: it has ${addr}` };
  }
  return { ok: true, cidr: v4Block(addr, V4_BITS) };
}

const cache = new Map<string, Cidr | null>();
const CACHE_LIMIT = 500_000;

/** Parses a CIDR already known to be valid (from a parsed plan), memoised: plans repeat ranges. */
export function cidrOf(text: string): Cidr {
  let c = cache.get(text);
  if (c === undefined) {
    const fast = fastV4(text);
    const r = fast ? undefined : parseCidrSlow(text);
    c = fast ?? (r?.ok ? r.cidr : null);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, c);
  }
  if (c === null) throw new Error(`Invalid CIDR reached the domain core: ${text}`);
  return c;
}

/**
 * Like `cidrOf`, for an address, memoised in the same cache: an address's text parsed as a CIDR
 * is the same single-address block. A range's text that `cidrOf` put there is not an address.
 */
export function ipOf(text: string): Cidr {
  let c = cache.get(text);
  if (c === undefined) {
    const r = parseIp(text);
    c = r.ok ? r.cidr : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, c);
  }
  if (c === null || c.prefix !== (c.family === 4 ? 32 : 128))
    throw new Error(`Invalid address reached the domain core: ${text}`);
  return c;
}

/**
 * A valid IPv4 address (as `parseIp` reads it) as its number, or -1 for anything else: IPv6,
 * or text `ipOf` would refuse. Nothing is allocated or looked up, which on a plan of 100,000
 * resources is cheaper than `ipOf`'s cache, whose lookups miss the processor's caches.
 */
export function ipv4Number(text: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 46; // a virtual final '.'
    if (c === 46) {
      if (digits === 0 || part > 255) return -1;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // a leading zero
      part = part * 10 + (c - 48);
      if (++digits > 3) return -1;
    } else return -1;
  }
  return parts === 4 ? value : -1;
}

/** Whether the address `text` (valid, as from a parsed plan) lies in `range`. */
export function holdsAddress(range: Cidr, text: string): boolean {
  const n = ipv4Number(text);
  if (n < 0) return contains(range, ipOf(text));
  return range.family === 4 && range.lo <= n && n <= range.hi;
}

export function formatV4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

function formatV6(n: bigint): string {
  const parts: number[] = [];
  for (let i = 7; i >= 0; i--) parts.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  return new ipaddr.IPv6(parts).toString();
}

export function formatAddress(c: Cidr, which: 'lo' | 'hi' = 'lo'): string {
  return c.family === 4 ? formatV4(c[which]) : formatV6(c[which]);
}

export function formatCidr(c: Cidr): string {
  return `${formatAddress(c)}/${c.prefix}`;
}

/** Formats a block as an address when it is a single one (a /32 or /128). */
export function formatRange(c: Cidr): string {
  return c.prefix === (c.family === 4 ? V4_BITS : V6_BITS) ? formatAddress(c) : formatCidr(c);
}

export function maxPrefix(family: Family): number {
  return family === 4 ? V4_BITS : V6_BITS;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.lo <= inner.lo && inner.hi <= outer.hi;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.lo <= b.hi && b.lo <= a.hi;
}

export function equals(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.lo === b.lo && a.prefix === b.prefix;
}

/** The number of addresses, exactly. */
export function size(c: Cidr): bigint {
  return 1n << BigInt(maxPrefix(c.family) - c.prefix);
}

/** The number of addresses of an IPv4 block, as a number (exact: at most 2^32). */
export function size4(c: Cidr4): number {
  return 2 ** (V4_BITS - c.prefix);
}

/** The n-th block of the given prefix inside `c` (0-based), or undefined past its end. */
export function nthBlock(c: Cidr, prefix: number, n: number): Cidr | undefined {
  if (prefix < c.prefix || prefix > maxPrefix(c.family) || n < 0 || !Number.isInteger(n)) {
    return undefined;
  }
  if (c.family === 4) {
    const step = 2 ** (V4_BITS - prefix);
    const lo = c.lo + n * step;
    return lo + step - 1 <= c.hi ? { family: 4, prefix, lo, hi: lo + step - 1 } : undefined;
  }
  const step = 1n << BigInt(V6_BITS - prefix);
  const lo = c.lo + BigInt(n) * step;
  return lo + step - 1n <= c.hi ? { family: 6, prefix, lo, hi: lo + step - 1n } : undefined;
}

/** The last block of the given prefix inside `c`. */
export function lastBlock(c: Cidr, prefix: number): Cidr | undefined {
  if (prefix < c.prefix || prefix > maxPrefix(c.family)) return undefined;
  if (c.family === 4) {
    const step = 2 ** (V4_BITS - prefix);
    return { family: 4, prefix, lo: c.hi - step + 1, hi: c.hi };
  }
  const step = 1n << BigInt(V6_BITS - prefix);
  return { family: 6, prefix, lo: c.hi - step + 1n, hi: c.hi };
}

/** A block of `prefix` starting at the given address of `c`'s family, aligned down. */
export function blockAt(family: Family, addr: number | bigint, prefix: number): Cidr {
  return family === 4 ? v4Block(Number(addr), prefix) : v6Block(BigInt(addr), prefix);
}

/**
 * The addresses of an IPv4 subnet that Tencent Cloud keeps: the network address, the gateway
 * (the next one) and the broadcast address (the last). None for IPv6 (the spec checks IPv4 only).
 */
export function reservedAddresses(c: Cidr): Cidr[] {
  if (c.family !== 4) return [];
  const out: Cidr4[] = [v4Block(c.lo, V4_BITS)];
  if (c.hi > c.lo) out.push(v4Block(c.lo + 1, V4_BITS));
  if (c.hi > c.lo + 1) out.push(v4Block(c.hi, V4_BITS));
  return out;
}

/** Usable addresses of an IPv4 subnet: all but the three reserved ones. */
export function usableAddresses(c: Cidr4): number {
  return Math.max(0, size4(c) - 3);
}

/** Sort order used by every index: by first address, then the larger block first. */
export function compareCidr(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.lo !== b.lo) return a.lo < b.lo ? -1 : 1;
  return a.prefix - b.prefix;
}

export const V4_ALL: Cidr4 = { family: 4, prefix: 0, lo: 0, hi: TWO32 - 1 };
