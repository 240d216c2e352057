// Helpers for rule tests written from docs/spec/rules.md: run the validation core on a plan
// (after checking that the plan is one the reader accepts, so a test never rests on a plan that
// could not exist), pick findings by code, apply a finding's suggestion, and a small
// independent IPv4 arithmetic for oracles that does not use the product's own CIDR module.
import { expect } from 'vitest';
import { analyzePlan, type Analysis } from '../domain/analyze';
import type { ClusterCapacity } from '../domain/capacity/capacity';
import { COLLECTIONS, type Plan } from '../domain/model/plan';
import type { Finding, RuleCode, Severity, Suggestion } from '../domain/rules/codes';
import { parsePlanValue } from '../io/parse';
import { planToJson } from '../io/serialize';

/** Fails unless the plan, written as the designer writes it, reads back as a valid plan. */
export function expectReadable(p: Plan): void {
  const read = parsePlanValue(JSON.parse(JSON.stringify(planToJson(p))));
  if (!read.ok) throw new Error(`the plan does not read back: ${JSON.stringify(read.error)}`);
}

/** Analyses a plan without paths, after checking that the plan reader would accept it. */
export function analyze(p: Plan): Analysis {
  const read = parsePlanValue(JSON.parse(JSON.stringify(p)));
  if (!read.ok) throw new Error(`test plan is not a readable plan: ${JSON.stringify(read.error)}`);
  return analyzePlan(p, { kind: 'none' });
}

export function findingsOf(p: Plan, code?: RuleCode): Finding[] {
  const all = analyze(p).findings;
  return code === undefined ? [...all] : all.filter((f) => f.code === code);
}

/** Errors and warnings only (info findings are not problems). */
export function problemsOf(p: Plan): Finding[] {
  return findingsOf(p).filter((f) => f.severity !== 'info');
}

/** The one finding of `code`; fails the test when there is not exactly one. */
export function single(p: Plan, code: RuleCode): Finding {
  const list = findingsOf(p, code);
  expect(list, `findings with code ${code}`).toHaveLength(1);
  return list[0]!;
}

export function codesOf(p: Plan): RuleCode[] {
  return findingsOf(p).map((f) => f.code);
}

export interface Expected {
  readonly severity: Severity;
  readonly objects: readonly string[];
  readonly ranges?: readonly string[];
  /** Texts the message must contain (the CIDRs involved). */
  readonly mentions?: readonly string[];
}

/** Asserts the finding's severity, objects (offending first), ranges and that its message names them. */
export function expectFinding(f: Finding, e: Expected): void {
  expect(f.severity).toBe(e.severity);
  expect(f.objects).toEqual(e.objects);
  if (e.ranges) expect(f.ranges).toEqual(e.ranges);
  for (const m of e.mentions ?? e.ranges ?? []) expect(f.message).toContain(m);
}

/** The plan with the suggested field of the suggested object set to the suggested value. */
export function applySuggestion(p: Plan, s: Suggestion): Plan {
  let hit = false;
  const out: Record<string, unknown> = { ...p };
  for (const key of COLLECTIONS) {
    out[key] = (p[key] as ReadonlyArray<{ id: string }>).map((o) => {
      if (o.id !== s.object) return o;
      hit = true;
      return { ...o, [s.field]: s.value };
    });
  }
  if (!hit) throw new Error(`suggestion names no object of the plan: ${s.object}`);
  return out as unknown as Plan;
}

/**
 * When the finding carries a suggestion, applying it must make the finding go away (no finding
 * of the same code names the same objects any more). Returns whether there was a suggestion.
 */
export function expectSuggestionFixes(p: Plan, f: Finding): boolean {
  if (!f.suggestion) return false;
  expect(f.suggestion.object).toBe(f.objects[0]);
  const fixed = applySuggestion(p, f.suggestion);
  const still = findingsOf(fixed, f.code).filter(
    (g) => JSON.stringify(g.objects) === JSON.stringify(f.objects),
  );
  expect(still, `${f.code} after applying ${JSON.stringify(f.suggestion)}`).toEqual([]);
  return true;
}

export function capacityOf(p: Plan, clusterId: string): ClusterCapacity {
  const c = analyze(p).capacity.find((x) => x.cluster === clusterId);
  if (!c) throw new Error(`no capacity for ${clusterId}`);
  return c;
}

/** An unordered pair key, for comparing sets of pairs. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

// ---- Independent IPv4 arithmetic for oracles (not the product's CIDR module) ----

export interface Range4 {
  readonly lo: number;
  readonly hi: number;
}

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function range4(cidr: string): Range4 {
  const [ip, len] = cidr.split('/');
  const lo = ipToNumber(ip!);
  return { lo, hi: lo + 2 ** (32 - Number(len)) - 1 };
}

export function overlap4(a: string, b: string): boolean {
  const x = range4(a);
  const y = range4(b);
  return x.lo <= y.hi && y.lo <= x.hi;
}

export function inside4(inner: string, outer: string): boolean {
  const i = range4(inner);
  const o = range4(outer);
  return o.lo <= i.lo && i.hi <= o.hi;
}

/** The CIDR of the given prefix length starting at base + index·blockSize. */
export function block4(base: string, prefix: number, index: number): string {
  return `${numberToIp(ipToNumber(base) + index * 2 ** (32 - prefix))}/${prefix}`;
}
