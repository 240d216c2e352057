#!/usr/bin/env node
// Runs acceptance scenarios against the project's `validate` command and says which fall short.
//   node ../shared/scenarios/check.mjs [SCENARIO_DIR] [--project DIR] [--verbose]
// Each scenario is { name, about, plan | planText, expect }. Matching rules:
//   expect.exit            the exit status of `npm run --silent validate -- FILE`
//   expect.findings        each must appear: same code, same set of objects, same severity if given
//   expect.onlyListed      no error or warning finding beyond those listed (info is ignored)
//   expect.absent          codes that must not appear at all
//   expect.absentFor       {code, objects}: no finding of that code naming all of those objects
//   expect.paths           for each {from, to}: same verdict, same reason if given, every id of via among hops
//   expect.capacity        for each cluster: every field given must be equal
//   expect.stderrIncludes  strings that standard error must contain (for exit 2)
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const pi = args.indexOf('--project');
const project = resolve(pi >= 0 ? args[pi + 1] : '.');
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--project') ??
    dirname(fileURLToPath(import.meta.url)),
);
const tmp = mkdtempSync(join(tmpdir(), 'scenarios-'));
const sameSet = (a = [], b = []) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();
const includesAll = (a = [], b = []) => b.every((x) => a.includes(x));

let pass = 0,
  fail = 0;
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const s = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const file = join(tmp, f);
  writeFileSync(file, s.planText ?? JSON.stringify(s.plan, null, 2));
  const r = spawnSync('npm', ['run', '--silent', 'validate', '--', file], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60000,
  });
  const e = s.expect,
    why = [];
  if (e.exit !== undefined && r.status !== e.exit) why.push(`exit ${r.status}, expected ${e.exit}`);
  for (const t of e.stderrIncludes ?? [])
    if (!(r.stderr ?? '').includes(t)) why.push(`stderr lacks ${JSON.stringify(t)}`);
  if (e.exit !== 2) {
    let out;
    try {
      out = JSON.parse(r.stdout);
    } catch {
      why.push('stdout is not JSON: ' + (r.stdout || r.stderr || '').slice(0, 160));
    }
    if (out) {
      const fs = out.findings ?? [];
      for (const x of e.findings ?? []) {
        if (
          !fs.some(
            (g) =>
              g.code === x.code &&
              (!x.objects || sameSet(g.objects, x.objects)) &&
              (!x.severity || g.severity === x.severity),
          )
        )
          why.push(
            `missing finding ${x.code} [${x.objects ?? ''}]${x.severity ? ' ' + x.severity : ''}`,
          );
      }
      if (e.onlyListed)
        for (const g of fs) {
          if (g.severity === 'info') continue;
          if (
            !(e.findings ?? []).some(
              (x) => x.code === g.code && (!x.objects || sameSet(g.objects, x.objects)),
            )
          )
            why.push(`unexpected ${g.severity} ${g.code} [${g.objects}]`);
        }
      for (const c of e.absent ?? []) if (fs.some((g) => g.code === c)) why.push(`unexpected ${c}`);
      for (const a of e.absentFor ?? [])
        if (fs.some((g) => g.code === a.code && includesAll(g.objects, a.objects)))
          why.push(`unexpected ${a.code} [${a.objects}]`);
      for (const x of e.paths ?? []) {
        const p = (out.paths ?? []).find((q) => q.from === x.from && q.to === x.to);
        if (!p) {
          why.push(`no path ${x.from} -> ${x.to}`);
          continue;
        }
        if (p.verdict !== x.verdict)
          why.push(`path ${x.from} -> ${x.to}: ${p.verdict}, expected ${x.verdict}`);
        if (x.reason && p.reason !== x.reason)
          why.push(`path ${x.from} -> ${x.to}: reason ${p.reason}, expected ${x.reason}`);
        if (x.via && !includesAll(p.hops, x.via))
          why.push(`path ${x.from} -> ${x.to}: hops [${p.hops}] lack ${x.via}`);
      }
      for (const x of e.capacity ?? []) {
        const c = (out.capacity ?? []).find((q) => q.cluster === x.cluster);
        if (!c) {
          why.push(`no capacity for ${x.cluster}`);
          continue;
        }
        for (const [k, v] of Object.entries(x))
          if (c[k] !== v) why.push(`capacity ${x.cluster}.${k}: ${c[k]}, expected ${v}`);
      }
    }
  }
  if (why.length) {
    fail++;
    console.log(`FAIL ${s.name}: ${why.join('; ')}`);
    if (verbose) console.log('  ' + s.about);
  } else {
    pass++;
    if (verbose) console.log(`ok   ${s.name}`);
  }
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
