// Finding an object among 100,000 in a keystroke. Four ways in, each answered without looking at
// every object: a range index for addresses and CIDRs (which subnet holds 10.4.7.9?), a map for
// exact names and ids, a sorted list for prefixes, and one string of all names and ids (and one of
// all ranges) that the engine's indexOf scans in plan order, stopping once the page is full.
import { parseCidr, parseIp, type Cidr } from '../ip/cidr';
import { RangeIndex } from '../ip/range-index';
import type { Plan } from '../model/plan';
import { searchEntries, type SearchEntry } from './entries';

export type MatchKind = 'range' | 'exact' | 'prefix' | 'substring' | 'cidr';

export interface SearchHit {
  readonly entry: SearchEntry;
  readonly match: MatchKind;
  /** For a range match, the object's range that holds the query. */
  readonly cidr?: string;
}

export const DEFAULT_LIMIT = 50;

/** A query that names addresses: an address, or a CIDR (with host bits, the block meant). */
export function rangeOfQuery(query: string): Cidr | undefined {
  const q = query.trim();
  if (q === '') return undefined;
  if (!q.includes('/')) {
    const ip = parseIp(q);
    return ip.ok ? ip.cidr : undefined;
  }
  const r = parseCidr(q);
  if (r.ok) return r.cidr;
  if (r.suggestion) {
    const again = parseCidr(r.suggestion);
    if (again.ok) return again.cidr;
  }
  return undefined;
}

/** A range an object holds, parsed; undefined while the plan holds a typo there. */
export function rangeOfText(text: string): Cidr | undefined {
  const r = text.includes('/') ? parseCidr(text) : parseIp(text);
  return r.ok ? r.cidr : undefined;
}

function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entry whose text starts at or before `pos` in a haystack with entry starts `starts`. */
function entryAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One string of every entry's fields, so that a substring search is one native scan. */
class Haystack {
  readonly text: string;
  readonly starts: Int32Array;

  constructor(fields: readonly (readonly string[])[]) {
    const parts: string[] = [];
    this.starts = new Int32Array(fields.length);
    let at = 0;
    for (let i = 0; i < fields.length; i++) {
      this.starts[i] = at;
      const s = '\u0000' + fields[i]!.join('\u0000');
      parts.push(s);
      at += s.length;
    }
    this.text = parts.join('');
  }

  /**
   * Entries, in plan order, where `matches(i)` confirms the hit (a hit may straddle two fields),
   * passing each to `take` until it returns false.
   */
  scan(q: string, matches: (i: number) => boolean, take: (i: number) => boolean): void {
    let pos = this.text.indexOf(q);
    while (pos >= 0) {
      const i = entryAt(this.starts, pos);
      if (matches(i)) {
        if (!take(i)) return;
        const next = i + 1 < this.starts.length ? this.starts[i + 1]! : this.text.length;
        pos = this.text.indexOf(q, next);
      } else {
        pos = this.text.indexOf(q, pos + 1);
      }
    }
  }
}

export class SearchIndex {
  readonly entries: readonly SearchEntry[];
  private readonly byId = new Map<string, number>();
  private readonly names: string[];
  private readonly ids: string[];
  private readonly cidrTexts: string[][];
  private readonly exact = new Map<string, number[]>();
  private readonly prefixKeys: string[];
  private readonly prefixEntries: Int32Array;
  private readonly words: Haystack;
  private readonly ranges: Haystack;
  private readonly rangeIndex: RangeIndex<number>;
  private readonly rangeEntry: number[] = [];
  private readonly rangeText: string[] = [];
  /** Scratch marks, one per entry, cleared after every query. */
  private readonly mark: Uint8Array;

  constructor(plan: Plan) {
    this.entries = searchEntries(plan);
    const n = this.entries.length;
    this.mark = new Uint8Array(n);
    this.names = new Array<string>(n);
    this.ids = new Array<string>(n);
    this.cidrTexts = new Array<string[]>(n);
    const keyed: [string, number][] = [];
    const parsed: [Cidr, number][] = [];
    for (let i = 0; i < n; i++) {
      const e = this.entries[i]!;
      if (!this.byId.has(e.id)) this.byId.set(e.id, i);
      const name = (e.name ?? '').toLowerCase();
      const id = e.id.toLowerCase();
      this.names[i] = name;
      this.ids[i] = id;
      this.cidrTexts[i] = e.cidrs.map((c) => c.toLowerCase());
      for (const k of name === id || name === '' ? [id] : [name, id]) {
        keyed.push([k, i]);
        const list = this.exact.get(k);
        if (list) {
          if (list[list.length - 1] !== i) list.push(i);
        } else this.exact.set(k, [i]);
      }
      for (const text of e.cidrs) {
        const c = rangeOfText(text);
        if (!c) continue;
        parsed.push([c, this.rangeEntry.length]);
        this.rangeEntry.push(i);
        this.rangeText.push(text);
      }
    }
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.prefixKeys = keyed.map((k) => k[0]);
    this.prefixEntries = Int32Array.from(keyed, (k) => k[1]);
    this.words = new Haystack(this.names.map((name, i) => [name, this.ids[i]!]));
    this.ranges = new Haystack(this.cidrTexts);
    this.rangeIndex = new RangeIndex(parsed);
  }

  get size(): number {
    return this.entries.length;
  }

  entry(id: string): SearchEntry | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  /**
   * Objects matching `query`, best first: those whose ranges hold the address or CIDR queried
   * (the most specific range first), then exact names or ids, then those starting with the query,
   * then containing it, then those whose ranges are written with it; plan order within each.
   */
  search(query: string, limit = DEFAULT_LIMIT): SearchHit[] {
    const q = query.trim().toLowerCase();
    const out: SearchHit[] = [];
    if (q === '' || limit <= 0) return out;
    const taken: number[] = [];
    const take = (i: number, match: MatchKind, cidr?: string): boolean => {
      if (this.mark[i]) return out.length < limit;
      this.mark[i] = 1;
      taken.push(i);
      out.push({ entry: this.entries[i]!, match, ...(cidr === undefined ? {} : { cidr }) });
      return out.length < limit;
    };
    try {
      this.searchRanges(q, take);
      if (out.length < limit) this.searchExact(q, take);
      if (out.length < limit) this.searchPrefix(q, limit - out.length, take);
      if (out.length < limit)
        this.words.scan(
          q,
          (i) => this.names[i]!.includes(q) || this.ids[i]!.includes(q),
          (i) => take(i, 'substring'),
        );
      if (out.length < limit)
        this.ranges.scan(
          q,
          (i) => this.cidrTexts[i]!.some((c) => c.includes(q)),
          (i) => take(i, 'cidr'),
        );
    } finally {
      for (const i of taken) this.mark[i] = 0;
    }
    return out;
  }

  private searchRanges(q: string, take: (i: number, m: MatchKind, cidr?: string) => boolean) {
    const c = rangeOfQuery(q);
    if (!c) return;
    const found: { prefix: number; entry: number; text: string }[] = [];
    for (const { cidr, value } of this.rangeIndex.containing(c))
      found.push({
        prefix: cidr.prefix,
        entry: this.rangeEntry[value]!,
        text: this.rangeText[value]!,
      });
    // Equal ranges come out of the index in no useful order: plan order among them.
    found.sort((a, b) => b.prefix - a.prefix || a.entry - b.entry);
    for (const f of found) if (!take(f.entry, 'range', f.text)) return;
  }

  private searchExact(q: string, take: (i: number, m: MatchKind) => boolean) {
    for (const i of this.exact.get(q) ?? []) if (!take(i, 'exact')) return;
  }

  /** Entries with a name or id starting with `q`: the `room` first in plan order. */
  private searchPrefix(q: string, room: number, take: (i: number, m: MatchKind) => boolean) {
    const hits: number[] = [];
    for (let k = lowerBound(this.prefixKeys, q); k < this.prefixKeys.length; k++) {
      if (!this.prefixKeys[k]!.startsWith(q)) break;
      hits.push(this.prefixEntries[k]!);
    }
    if (hits.length > room * 4) {
      // Many hits (a query of one letter): a pass over marks beats sorting them all.
      const seen = new Uint8Array(this.entries.length);
      for (const i of hits) seen[i] = 1;
      for (let i = 0; i < seen.length; i++) if (seen[i] && !take(i, 'prefix')) return;
      return;
    }
    hits.sort((a, b) => a - b);
    for (const i of hits) if (!take(i, 'prefix')) return;
  }
}

let last: { plan: Plan; index: SearchIndex } | undefined;

/** The index of `plan`, built on the first search after the plan changes. */
export function searchIndexOf(plan: Plan): SearchIndex {
  if (last?.plan !== plan) last = { plan, index: new SearchIndex(plan) };
  return last.index;
}
