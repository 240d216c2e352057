// examples/ci/check-plans.sh against a small git repository made here: two commits, one that
// breaks a plan and adds another. The built tool is on PATH as `cidr-canvas`, as after
// `npm install -g` (package.test.ts installs the tarball itself).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli';

const SCRIPT = resolve('examples/ci/check-plans.sh');
const tmp = mkdtempSync(join(tmpdir(), 'cidr-canvas-ci-'));
const repo = join(tmp, 'repo');
const binDir = join(tmp, 'bin');
const template = (name: string) =>
  JSON.parse(readFileSync(`src/app/templates/${name}.plan.json`, 'utf8')) as Record<
    string,
    unknown
  > & {
    clusters: Record<string, unknown>[];
  };

function git(...args: string[]) {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function write(path: string, value: unknown) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(
    join(repo, path),
    typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`,
  );
}

function check(...args: string[]) {
  const r = spawnSync('bash', [SCRIPT, ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: `${binDir}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: tmp },
  });
  const out = (f: string) =>
    existsSync(join(repo, '.cidr-canvas', f))
      ? readFileSync(join(repo, '.cidr-canvas', f), 'utf8')
      : undefined;
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    sarif: out('plans.sarif'),
    comment: out('comment.md'),
  };
}

beforeAll(async () => {
  const { entry } = await buildCli(join(tmp, 'package'));
  mkdirSync(binDir);
  chmodSync(entry, 0o755);
  symlinkSync(entry, join(binDir, 'cidr-canvas'));
  mkdirSync(repo);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'CI');
  write('plans/prod.plan.json', template('sample'));
  write('plans/edge.plan.json', template('single-cluster'));
  write('README.md', '# networks\n');
  git('add', '.');
  git('commit', '-q', '-m', 'plans');
  // The pull request: prod-tke's container CIDR typed over its VPC, and a new VPC-CNI plan.
  git('checkout', '-q', '-b', 'change');
  const prod = template('sample');
  prod.clusters[0]!.containerCidr = '10.0.0.0/16';
  write('plans/prod.plan.json', prod);
  write('plans/new/cni.plan.json', template('vpc-cni'));
  git('add', '.');
  git('commit', '-q', '-m', 'move prod-tke, add a VPC-CNI plan');
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('examples/ci/check-plans.sh', () => {
  it('validates every plan, writes SARIF and comments the diff of the changed plans', () => {
    const r = check('main');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Validating 3 plan\(s\) with cidr-canvas \d+\.\d+\.\d+\n/);
    expect(r.stdout).toContain('plans/prod.plan.json: 1 errors');
    expect(r.stdout).toContain('plans/edge.plan.json: 0 errors');
    expect(r.stdout).toContain('plans/new/cni.plan.json: 0 errors');
    expect(r.stdout).toContain('Wrote .cidr-canvas/comment.md (2 plan(s) changed)');

    const sarif = JSON.parse(r.sarif!) as {
      runs: {
        artifacts: { location: { uri: string } }[];
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const run = sarif.runs[0]!;
    expect(run.artifacts.map((a) => a.location.uri).sort()).toEqual([
      'plans/edge.plan.json',
      'plans/new/cni.plan.json',
      'plans/prod.plan.json',
    ]);
    const overlap = run.results.find((x) => x.ruleId === 'CLUSTER_CIDR_OVERLAPS_VPC')!;
    expect(overlap.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'plans/prod.plan.json',
    );

    const comment = r.comment!;
    expect(
      comment.startsWith('<!-- cidr-canvas plan review -->\n## Network plans changed since `'),
    ).toBe(true);
    // The changed plan: the error it brings and the paths it breaks; the new plan as all added.
    const prod = comment.slice(comment.indexOf('plans/prod.plan.json'));
    const base = git('rev-parse', '--short', 'main');
    expect(comment).toContain(`.cidr-canvas/${base}/plans/prod.plan.json → plans/prod.plan.json`);
    expect(prod).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
    expect(prod).toMatch(/introduces 1 error/);
    expect(prod).toContain('NO_RETURN_ROUTE');
    expect(comment).toContain(
      `.cidr-canvas/${base}/plans/new/cni.plan.json → plans/new/cni.plan.json`,
    );
    expect(comment).not.toContain('edge.plan.json');
  });

  it('passes a change that breaks nothing, and says so in the comment', () => {
    git('checkout', '-q', '-b', 'rename', 'main');
    const edge = template('single-cluster');
    edge.name = 'Edge, renamed';
    write('plans/edge.plan.json', edge);
    git('commit', '-q', '-am', 'rename edge');
    const r = check('main');
    expect(r.code).toBe(0);
    expect(r.comment).toContain('plans/edge.plan.json');
    expect(r.comment).toContain('No error introduced, no path made worse.');
    const noBase = check();
    expect(noBase.code).toBe(0);
    expect(noBase.comment).toBeUndefined();
    expect(noBase.sarif).toBeDefined();
  });

  it('exits 2 naming the file when a plan cannot be read, and when the base is unknown', () => {
    git('checkout', '-q', '-b', 'broken', 'main');
    write('plans/edge.plan.json', '{ "format": "cidr-canvas/plan", ');
    git('commit', '-q', '-am', 'break edge');
    const r = check('main');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plans\/edge\.plan\.json: \$: not valid JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.comment).toContain('could not be compared');
    const unknown = check('no-such-branch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-branch is not a commit of this repository');
  });
});
