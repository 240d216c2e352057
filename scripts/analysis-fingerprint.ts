// `npx tsx scripts/analysis-fingerprint.ts [sizes...]`: a SHA-256 of the findings and paths of the
// generated plans (bench/generate.ts), as canonical JSON. Restructuring or speeding up the
// validation core must leave these byte-identical: the values recorded before a change are in
// docs/performance.md and src/domain/analysis-fingerprint.test.ts holds the 1k one.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { generatePlan } from '../bench/generate';
import { analyzePlan, type PathScope } from '../src/domain/analyze';
import type { Plan } from '../src/domain/model/plan';

export const FINGERPRINT_SEED = 20240601;

/**
 * JSON with object keys sorted at every depth, so that key order cannot change a hash. An object
 * with toJSON is written as what that returns, as JSON.stringify writes it.
 */
export function canonicalJson(value: unknown): string {
  if (typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function')
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface Fingerprint {
  readonly size: number;
  readonly findings: number;
  readonly paths: number;
  /** Hash of the findings and the paths of every cluster (or the plan's flows). */
  readonly sha256: string;
}

/**
 * The scope is the whole plan below 100k; at 100k every cluster's paths are millions of results,
 * so the scope is the bench's cluster (the first GlobalRouter cluster with a container CIDR).
 */
export function scopeFor(plan: Plan, size: number): PathScope {
  if (size < 100_000) return { kind: 'plan' };
  const c = plan.clusters.find((k) => k.mode !== 'vpc-cni' && k.containerCidr)!;
  return { kind: 'clusters', ids: [c.id] };
}

export function fingerprint(size: number, seed = FINGERPRINT_SEED): Fingerprint {
  const plan = generatePlan(size, seed);
  const a = analyzePlan(plan, scopeFor(plan, size));
  const hash = createHash('sha256');
  hash.update(canonicalJson(a.findings));
  hash.update('\n');
  // Path by path: one string of all of them would not fit in a V8 string at 100k.
  for (const p of a.paths) hash.update(canonicalJson(p) + '\n');
  return {
    size,
    findings: a.findings.length,
    paths: a.paths.length,
    sha256: hash.digest('hex'),
  };
}

export { sha256 };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
    const t0 = performance.now();
    const f = fingerprint(size);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.warn(`${size}: ${f.findings} findings, ${f.paths} paths (${s} s)`);
    process.stdout.write(`${size} ${f.sha256}\n`);
  }
}
