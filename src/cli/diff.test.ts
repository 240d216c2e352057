// The diff command end to end: files in, stdout and the exit status out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support/cli-run';

const SAMPLE = 'src/app/templates/sample.plan.json';
const dir = tempDir('diff');

const run = (...args: string[]) => runCli('diff', ...args);

type Json = Record<string, unknown>;
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Json & {
  clusters: Json[];
  idcs: Json[];
};

function variant(name: string, edit: (p: typeof sample) => void): string {
  const p = structuredClone(sample);
  edit(p);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(p, null, 2));
  return file;
}

// prod-tke's container CIDR typed over its own VPC: an error, and its direct paths break.
const broken = variant('broken.plan.json', (p) => {
  p.clusters[0]!.containerCidr = '10.0.0.0/16';
});
// batch-tke's nodes added to the IDC's return routes, and the boxes moved: a path gets better.
const fixed = variant('fixed.plan.json', (p) => {
  p.idcs[0]!.returnRoutes = [...(p.idcs[0]!.returnRoutes as string[]), '10.0.2.0/24'];
  p.layout = {};
});

describe('cidr-canvas diff', () => {
  it('prints nothing changed and exits 0 for a plan and itself', () => {
    const r = run(SAMPLE, SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout) as Json;
    expect(d.summary).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      errorsIntroduced: 0,
      pathsWorse: 0,
    });
  }, 60_000);

  it('exits 1 with the error introduced and the paths made worse, as JSON', () => {
    const r = run(SAMPLE, broken);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout) as {
      objects: { changed: Json[] };
      findings: { introduced: Json[] };
      paths: { changed: Json[] };
      summary: Json;
    };
    expect(d.objects.changed).toEqual([
      {
        id: 'cls-prod',
        kind: 'cluster',
        fields: [{ field: 'containerCidr', before: '172.16.0.0/16', after: '10.0.0.0/16' }],
      },
    ]);
    expect(d.findings.introduced.map((f) => f.code)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
    expect(d.paths.changed).toContainEqual(
      expect.objectContaining({
        from: 'cls-prod',
        to: 'db-orders',
        before: 'direct',
        after: 'unreachable',
        worse: true,
      }),
    );
    expect(d.summary.errorsIntroduced as number).toBeGreaterThan(0);
    expect(d.summary.pathsWorse as number).toBeGreaterThan(0);
  }, 60_000);

  it('exits 0 for a change that only makes things better, ignoring the layout', () => {
    const r = run(SAMPLE, fixed, '--format', 'json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { objects: { changed: Json[] }; paths: { changed: Json[] } };
    expect(d.objects.changed.map((o) => o.id)).toEqual(['idc-sh']);
    expect(d.paths.changed).toEqual([
      {
        from: 'cls-batch',
        to: 'idc-sh',
        before: 'unreachable',
        after: 'snat',
        reasonBefore: 'NO_RETURN_ROUTE',
        reasonAfter: null,
        worse: false,
      },
    ]);
  }, 60_000);

  it('writes Markdown for a pull request: the summary first, then the tables', () => {
    const r = run(SAMPLE, broken, '--format=markdown');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`### CIDR Canvas: ${SAMPLE} → ${broken}`);
    expect(lines[2]).toMatch(
      /^❌ \*\*This change introduces \d+ errors? and makes \d+ paths? worse\.\*\*$/,
    );
    const summary = lines.indexOf('- **Objects:** 0 added, 0 removed, 1 changed');
    expect(lines).toContain('- **Findings:** 1 introduced (1 error), 0 resolved');
    expect(lines.find((l) => l.startsWith('- **Paths:**'))).toMatch(
      /^- \*\*Paths:\*\* \d+ changed, \d+ worse$/,
    );
    expect(summary).toBeGreaterThan(2);
    const introduced = lines.findIndex((l) => l.startsWith('#### Findings introduced'));
    const paths = lines.findIndex((l) => l.startsWith('#### Paths changed'));
    const objects = lines.findIndex((l) => l.startsWith('#### Objects'));
    expect(summary).toBeLessThan(introduced);
    expect(introduced).toBeLessThan(paths);
    expect(paths).toBeLessThan(objects);
    expect(r.stdout).toContain('| 🔴 error | `CLUSTER_CIDR_OVERLAPS_VPC` | cls-prod, vpc-prod |');
    expect(r.stdout).toContain(
      '| ⬇️ worse | `cls-prod` | `db-orders` | direct | unreachable | `NO_RETURN_ROUTE` |',
    );
    expect(r.stdout).toContain(
      '| changed | cluster | `cls-prod` | `containerCidr` | 172.16.0.0/16 | 10.0.0.0/16 |',
    );
    const ok = run(SAMPLE, fixed, '--format', 'markdown');
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[2]).toBe('✅ **No error introduced, no path made worse.**');
  }, 60_000);

  it('writes a table for a terminal with --format text', () => {
    const r = run(SAMPLE, broken, '--format', 'text', '--no-color');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/^FAIL: 1 error introduced, 3 paths worse$/m);
    expect(r.stdout).toMatch(
      /~ +cluster +cls-prod +containerCidr: 172\.16\.0\.0\/16 → 10\.0\.0\.0\/16/,
    );
    expect(r.stdout).toMatch(/worse +cls-prod → db-orders +direct → unreachable +NO_RETURN_ROUTE/);
  }, 60_000);

  it('exits 2 naming the file, the JSON path and what was expected when a plan cannot be read', () => {
    const bad = join(dir, 'bad.plan.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'cidr-canvas/plan',
        version: 1,
        vpcs: [{ id: 'v', cidr: '10.0.0.1/16' }],
      }),
    );
    for (const args of [
      [SAMPLE, bad],
      [bad, SAMPLE],
    ]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${bad}: $.vpcs[0].cidr`);
      expect(r.stderr).toContain('10.0.0.0/16');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = run(SAMPLE, join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file');
  }, 60_000);

  it('exits 2 with the usage for a wrong number of files or an unknown format', () => {
    for (const args of [[SAMPLE], [SAMPLE, SAMPLE, SAMPLE], ['--format', 'yaml', SAMPLE, SAMPLE]]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: cidr-canvas diff OLD.json NEW.json');
    }
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cidr-canvas diff');
  }, 120_000);
});
