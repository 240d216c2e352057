// Terraform's own check of the Terraform export, for a machine that has a terraform binary
// (the tencentcloud provider itself cannot be fetched here, so this is syntax and strings only):
// `terraform fmt -check` on every template's export, and `terraform console` reading hostile
// names back exactly as the plan wrote them. Run: npm run check:terraform
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanText } from '../src/io/parse';
import { scanHcl } from '../src/io/export/hcl-reader.test-support';
import { planToTerraform } from '../src/io/export/terraform';
import { basePlan, cluster, resource, vpc } from '../src/test-support/builders';

const templates = join(import.meta.dirname, '..', 'src', 'app', 'templates');
const TEMPLATE_TEXTS = Object.fromEntries(
  readdirSync(templates)
    .filter((f) => f.endsWith('.plan.json'))
    .map((f) => [f, readFileSync(join(templates, f), 'utf8')]),
);
const dir = mkdtempSync(join(tmpdir(), 'cidr-canvas-tf-'));
const checks: Array<[string, () => void]> = [];
const it = (name: string, fn: () => void) => checks.push([name, fn]);
const expect = (actual: unknown, _why?: string) => ({
  toBe: (v: unknown) => assert.equal(actual, v, _why),
  toContain: (v: unknown) =>
    assert.ok(
      (actual as { has?(x: unknown): boolean; includes?(x: unknown): boolean }).has?.(v) ??
        (actual as unknown[]).includes(v),
      `${_why ?? ''} lacks ${JSON.stringify(v)}`,
    ),
});

if (spawnSync('terraform', ['version'], { encoding: 'utf8' }).status !== 0) {
  process.stderr.write('No terraform binary on this machine: nothing checked.\n');
  process.exitCode = 1;
} else {
  const env = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };

  it('formats every template export exactly as terraform fmt does', () => {
    const fmtDir = mkdtempSync(join(dir, 'fmt-'));
    for (const [name, text] of Object.entries(TEMPLATE_TEXTS)) {
      const parsed = parsePlanText(text);
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
      writeFileSync(join(fmtDir, `${name}.tf`), planToTerraform(parsed.value));
    }
    const r = spawnSync('terraform', ['fmt', '-check', '-diff', fmtDir], { encoding: 'utf8', env });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('reads hostile names back exactly as the plan wrote them', () => {
    const evil = [
      'x" } resource "evil" "pwn" { a = "${file("/etc/passwd")}" }',
      '%{ for x in ["a"] }${x}%{ endfor } $${a} $$${b} %%{c} \\${d}',
      'new\nline\r\ttab \u202e bidi \u0000 nul \u2028 ls',
    ].join(' | ');
    const tf = planToTerraform(
      basePlan({
        vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: evil })],
        clusters: [
          cluster('cls-1', 'vpc-a', {
            nodeSubnets: ['sn-node'],
            containerCidr: '172.16.0.0/16',
            description: evil,
          }),
        ],
        resources: [resource('db-1', 'sn-db', '10.0.2.10', { name: evil })],
      }),
    );
    const fmtDir = mkdtempSync(join(dir, 'hostile-'));
    writeFileSync(join(fmtDir, 'main.tf'), tf);
    const fmt = spawnSync('terraform', ['fmt', '-check', '-diff', fmtDir], {
      encoding: 'utf8',
      env,
    });
    expect(fmt.stdout + fmt.stderr).toBe('');

    // Every quoted string of the export, read by Terraform: a file of locals only needs no
    // provider, so `terraform console` evaluates it offline.
    const strings = scanHcl(tf).strings;
    const code = tf
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    const literals = [...code.matchAll(/"(?:[^"\\\n]|\\.)*"/g)]
      .map((m) => m[0])
      .filter((_, i, all) => all.indexOf(_) === i);
    const consoleDir = mkdtempSync(join(dir, 'console-'));
    writeFileSync(
      join(consoleDir, 'main.tf'),
      `locals {\n  all = [\n${literals.map((l) => `    ${l},`).join('\n')}\n  ]\n}\n`,
    );
    const r = spawnSync('terraform', ['console'], {
      cwd: consoleDir,
      input: 'jsonencode(local.all)\n',
      encoding: 'utf8',
      env,
    });
    expect(r.status, r.stderr).toBe(0);
    const values = JSON.parse(JSON.parse(r.stdout.trim()) as string) as string[];
    // Terraform's reading agrees with the test's reader, string by string...
    const mine = new Set(strings.map((s) => s.value));
    for (const v of values) expect(mine, JSON.stringify(v)).toContain(v);
    // ...and gives back the hostile description untouched.
    expect(values).toContain(evil);
  });

  for (const [name, fn] of checks) {
    try {
      fn();
      process.stdout.write(`ok   ${name}\n`);
    } catch (e) {
      process.stdout.write(`FAIL ${name}: ${(e as Error).message}\n`);
      process.exitCode = 1;
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
