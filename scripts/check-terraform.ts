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
import {
  basePlan,
  ccn,
  ccnIdc,
  cluster,
  idc,
  nat,
  resource,
  subnet,
  table,
  vpc,
} from '../src/test-support/builders';

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

  it('formats a plan that uses every part of the export exactly as terraform fmt does', () => {
    const tf = planToTerraform(
      basePlan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16', {
            name: 'prod',
            ipv6Cidr: '2402:4e00:1000:ab00::/56',
            secondaryCidrs: ['10.8.0.0/16'],
          }),
          vpc('vpc-b', '10.1.0.0/16', { region: 'ap-shanghai' }),
        ],
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/24', {
            zone: 'ap-guangzhou-3',
            ipv6Cidr: '2402:4e00:1000:ab01::/64',
            routeTable: 'rtb',
          }),
          subnet('sn-db', 'vpc-a', '10.0.2.0/24', { ipv6Cidr: '2402:4e00:1000:ab02::/64' }),
        ],
        clusters: [
          cluster('cls-1', 'vpc-a', {
            nodeSubnets: ['sn-node'],
            containerCidr: '172.16.0.0/12',
            nodeCount: 4500,
            nodePublicIp: true,
            ignoreRouteConflict: true,
          }),
          cluster('cls-2', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node'],
            podSubnets: ['sn-db'],
            serviceCidr: '192.168.0.0/20',
          }),
        ],
        resources: (['cdb', 'redis', 'memcached', 'cvm', 'clb', 'other'] as const).map((kind, i) =>
          resource(`r-${kind}`, 'sn-db', i % 2 ? undefined : `10.0.2.${10 + i}`, { kind }),
        ),
        natGateways: [nat('nat-1', 'vpc-a')],
        ccns: [ccn('ccn-1', ['vpc-a', 'vpc-b', 'cls-1', 'idc-ccn', 'idc-ccn-vpn'])],
        idcs: [
          idc('idc-vpn', 'vpc-a', ['192.168.0.0/16']),
          idc('idc-dc', 'vpc-a', ['172.31.0.0/16'], { link: 'direct-connect' }),
          ccnIdc('idc-ccn', ['100.64.0.0/16', '100.65.0.0/16']),
          ccnIdc('idc-ccn-vpn', ['100.66.0.0/16'], { link: 'vpn' }),
        ],
        routeTables: [
          table('rtb', 'vpc-a', [
            ['0.0.0.0/0', 'nat-1'],
            ['10.9.0.0/16', 'ccn-1'],
            ['192.168.0.0/16', 'idc-vpn'],
            ['172.31.0.0/16', 'idc-dc'],
            ['10.7.0.0/16', 'r-cvm'],
          ]),
        ],
      }),
      {
        errors: [
          {
            code: 'CLUSTER_CIDR_OVERLAPS_VPC',
            severity: 'error',
            objects: ['cls-1', 'vpc-a'],
            ranges: [],
            message: 'an example error',
          },
        ],
      },
    );
    const fmtDir = mkdtempSync(join(dir, 'all-'));
    writeFileSync(join(fmtDir, 'main.tf'), tf);
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
