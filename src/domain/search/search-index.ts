// Finding an object among 100,000 in a keystroke, without looking at every object: a range index
// answers addresses and CIDRs (which subnet holds 10.4.7.9?); names and ids sit in one string (and
// ranges as written in another) that the engine's indexOf scans in plan order, stopping once the
// page is full. Built in one pass, so that building it again after an edit is cheap.
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

const SEP = '\u0000';

/**
 * One string of every entry's fields, each field after a separator (and one at the very end), so
 * that a substring, a prefix (separator + query) and an exact field (separator + query +
 * separator) are each one native scan in plan order.
 */
class Haystack {
  readonly text: string;
  readonly starts: Int32Array;

  constructor(count: number, fieldsOf: (i: number) => readonly string[]) {
    const parts: string[] = [];
    this.starts = new Int32Array(count);
    let at = 0;
    for (let i = 0; i < count; i++) {
      this.starts[i] = at;
      const s = SEP + fieldsOf(i).join(SEP);
      parts.push(s);
      at += s.length;
    }
    parts.push(SEP);
    this.text = parts.join('');
  }

  /**
   * Entries, in plan order, where `needle` occurs and `matches(i)` confirms it (an occurrence may
   * straddle two fields), passed to `take` until it returns false.
   */
  scan(needle: string, matches: (i: number) => boolean, take: (i: number) => boolean): void {
    let pos = this.text.indexOf(needle);
    while (pos >= 0) {
      const i = entryAt(this.starts, pos);
      if (matches(i)) {
        if (!take(i)) return;
        const next = i + 1 < this.starts.length ? this.starts[i + 1]! : this.text.length;
        pos = this.text.indexOf(needle, next);
      } else {
        pos = this.text.indexOf(needle, pos + 1);
      }
    }
  }
}

export class SearchIndex {
  readonly entries: readonly SearchEntry[];
  private readonly byId = new Map<string, number>();
  /** Lower-case names ('' for none) and ids, by entry. */
  private readonly names: string[];
  private readonly ids: string[];
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
    const parsed: [Cidr, number][] = [];
    for (let i = 0; i < n; i++) {
      const e = this.entries[i]!;
      if (!this.byId.has(e.id)) this.byId.set(e.id, i);
      this.names[i] = e.name === undefined ? '' : e.name.toLowerCase();
      this.ids[i] = e.id.toLowerCase();
      for (const text of e.cidrs) {
        const c = rangeOfText(text);
        if (!c) continue;
        parsed.push([c, this.rangeEntry.length]);
        this.rangeEntry.push(i);
        this.rangeText.push(text);
      }
    }
    this.words = new Haystack(n, (i) => [this.names[i]!, this.ids[i]!]);
    this.ranges = new Haystack(n, (i) => this.entries[i]!.cidrs.map((c) => c.toLowerCase()));
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
   * An object without a name is known by its id alone.
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
    const word = (test: (field: string) => boolean) => (i: number) =>
      (this.names[i] !== '' && test(this.names[i]!)) || test(this.ids[i]!);
    try {
      this.searchRanges(q, take);
      const tiers: [MatchKind, string, (field: string) => boolean][] = [
        ['exact', SEP + q + SEP, (f) => f === q],
        ['prefix', SEP + q, (f) => f.startsWith(q)],
        ['substring', q, (f) => f.includes(q)],
      ];
      for (const [match, needle, test] of tiers) {
        if (out.length >= limit) break;
        this.words.scan(needle, word(test), (i) => take(i, match));
      }
      if (out.length < limit)
        this.ranges.scan(
          q,
          (i) => this.entries[i]!.cidrs.some((c) => c.toLowerCase().includes(q)),
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
}

let last: { plan: Plan; index: SearchIndex } | undefined;

/** The index of `plan`, built on the first search after the plan changes. */
export function searchIndexOf(plan: Plan): SearchIndex {
  if (last?.plan !== plan) last = { plan, index: new SearchIndex(plan) };
  return last.index;
}
