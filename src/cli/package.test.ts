// The real thing: build the tool, pack it, install the tarball offline into an empty prefix (as on
// a fresh machine: its own npm cache, a registry that cannot be reached) and run the installed
// `cidr-canvas` from outside the repository.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../../scripts/build-cli';
import { COMMANDS } from './commands';

const ROOT = resolve('.');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const SAMPLE = resolve('src/app/templates/sample.plan.json');
const tmp = mkdtempSync(join(tmpdir(), 'cidr-canvas-pack-'));
const prefix = join(tmp, 'prefix');
const work = join(tmp, 'work');
let built: BuiltCli;
let tarball: string;
let bin: string;

function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${String(r.stderr)}`);
  return String(r.stdout);
}

/** The installed command, run from a folder outside the repository with a bare environment. */
function cli(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(bin, args, {
    cwd: work,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  return (async () => {
    built = await buildCli(join(tmp, 'package'));
    const npmEnv = {
      ...process.env,
      npm_config_cache: join(tmp, 'npm-cache'),
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    const packed = sh('npm', ['pack', built.packageDir, '--pack-destination', tmp, '--silent'], {
      env: npmEnv,
    });
    tarball = join(tmp, packed.trim().split('\n').pop()!);
    sh('npm', ['install', '-g', '--prefix', prefix, '--offline', tarball], {
      env: npmEnv,
      cwd: tmp,
    });
    bin = join(prefix, 'bin', 'cidr-canvas');
    mkdirSync(work);
    // The installed tool runs from outside the repository: nothing there can help it.
    expect(work.startsWith(ROOT)).toBe(false);
  })();
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the packed cidr-canvas', () => {
  it('is a tarball of the built JavaScript alone, with nothing to fetch', () => {
    expect(tarball).toMatch(new RegExp(`cidr-canvas-${VERSION.replace(/\./g, '\\.')}\\.tgz$`));
    const files = sh('tar', ['tzf', tarball]).trim().split('\n').sort();
    expect(files).toContain('package/package.json');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/dist/cidr-canvas.js');
    for (const f of files)
      expect(f, f).toMatch(/^package\/(package\.json|README\.md|dist\/.+\.(js|txt))$/);
    const manifest = JSON.parse(sh('tar', ['xzOf', tarball, 'package/package.json'])) as Record<
      string,
      unknown
    >;
    expect(manifest.name).toBe('cidr-canvas');
    expect(manifest.version).toBe(VERSION);
    expect(manifest.bin).toEqual({ 'cidr-canvas': 'dist/cidr-canvas.js' });
    expect(manifest.dependencies).toBeUndefined();
    const installed = join(prefix, 'lib', 'node_modules', 'cidr-canvas');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(readdirSync(join(installed, 'dist'))).toContain('THIRD_PARTY_LICENSES.txt');
  }, 60_000);

  it('says its version and its usage', () => {
    const v = cli(['--version']);
    expect(v).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: cidr-canvas <command> \[options\] FILES\n/);
    expect(h.stdout).toMatch(/\n {2}validate +check plans/);
    expect(COMMANDS.map((c) => c.name)).toEqual(
      expect.arrayContaining(['validate', 'diff', 'export']),
    );
    for (const command of COMMANDS.map((c) => c.name)) {
      expect(h.stdout, command).toContain(`\n  ${command} `);
      const c = cli([command, '--help']);
      expect(c.code, command).toBe(0);
      expect(c.stdout.startsWith(`Usage: cidr-canvas ${command} `), c.stdout).toBe(true);
      expect(cli(['help', command]).stdout).toBe(c.stdout);
    }
  }, 60_000);

  it('validates a plan from a file and from standard input', () => {
    const r = cli(['validate', SAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      findings: unknown[];
      paths: unknown[];
      capacity: unknown[];
    };
    expect(Object.keys(out)).toEqual(['findings', 'paths', 'capacity']);
    expect(out.paths.length).toBeGreaterThan(0);
    const stdin = cli(['validate', '-'], readFileSync(SAMPLE));
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toBe(r.stdout);

    const scenario = JSON.parse(
      readFileSync('test/scenarios/clusters-overlap-same-vpc.json', 'utf8'),
    ) as {
      plan: unknown;
    };
    const bad = cli(['validate', '--format', 'text', '-'], JSON.stringify(scenario.plan));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^<stdin>: 1 errors,/);
    expect(bad.stdout).toContain('CLUSTER_CIDR_OVERLAPS_CLUSTER');
    expect(bad.stdout).not.toContain('\u001b[');
    expect(cli(['validate', '--format', 'text', '--color', SAMPLE]).stdout).toContain('\u001b[');
    const sarif = cli(['validate', '--format=sarif', '-'], JSON.stringify(scenario.plan));
    expect(sarif.code).toBe(1);
    const doc = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(doc.runs[0]!.results.map((x) => x.ruleId)).toContain('CLUSTER_CIDR_OVERLAPS_CLUSTER');
  }, 60_000);

  it('refuses an unknown command or option with one line and the usage, exit 2', () => {
    const usage = cli(['--help']).stdout;
    const r = cli(['frobnicate', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cidr-canvas: unknown command "frobnicate"\n\n${usage}`);
    const typo = cli(['valdate', SAMPLE]);
    expect(typo.stderr.split('\n')[0]).toBe(
      'cidr-canvas: unknown command "valdate" (did you mean validate?)',
    );
    expect(cli([]).stderr).toBe(`cidr-canvas: no command given\n\n${usage}`);
    expect(cli(['--frobnicate']).stderr.split('\n')[0]).toBe(
      'cidr-canvas: unknown option --frobnicate',
    );
    const validateUsage = cli(['validate', '--help']).stdout;
    for (const [args, line] of [
      [['validate', '--frmat', 'text', SAMPLE], 'cidr-canvas validate: unknown option --frmat'],
      [
        ['validate', '--format', 'yaml', SAMPLE],
        'cidr-canvas validate: --format takes json, text, markdown, sarif, not yaml',
      ],
      [['validate', SAMPLE, '--format'], 'cidr-canvas validate: --format needs a value'],
      [['validate'], 'cidr-canvas validate: no plan file given'],
      [['validate', '--help=yes'], 'cidr-canvas validate: --help takes no value'],
    ] as const) {
      const u = cli([...args]);
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stdout).toBe('');
      expect(u.stderr).toBe(`${line}\n\n${validateUsage}`);
    }
  }, 60_000);

  it('answers bad input with exit 2 and one line naming the file, never a stack trace', () => {
    const binary = join(work, 'binary.plan.json');
    writeFileSync(
      binary,
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a,
      ]),
    );
    const invalid = join(work, 'invalid.plan.json');
    writeFileSync(invalid, '{ "format": "cidr-canvas/plan", ');
    const empty = join(work, 'empty.plan.json');
    writeFileSync(empty, '');
    const notPlan = join(work, 'not-a-plan.json');
    writeFileSync(
      notPlan,
      JSON.stringify({
        format: 'cidr-canvas/plan',
        version: 1,
        vpcs: [{ id: 'v', cidr: '10.0.0.1/16' }],
      }),
    );
    const cases: [string[], string | undefined, RegExp][] = [
      [['validate', work], undefined, /^.+work: cannot read the file: it is a directory/],
      [['validate', binary], undefined, /^.+binary\.plan\.json: \$: not valid JSON/],
      [['validate', invalid], undefined, /^.+invalid\.plan\.json: \$: not valid JSON/],
      [['validate', empty], undefined, /^.+empty\.plan\.json: \$: the file is empty/],
      [
        ['validate', join(work, 'missing.json')],
        undefined,
        /^.+missing\.json: cannot read the file: no such file/,
      ],
      [
        ['validate', notPlan],
        undefined,
        /^.+not-a-plan\.json: \$\.vpcs\[0\]\.cidr: .*10\.0\.0\.0\/16/,
      ],
      [['validate', '-'], '', /^<stdin>: \$: the file is empty/],
      [['validate', '-'], '\u0000\u0001garbage', /^<stdin>: \$: not valid JSON/],
      [
        ['export', '--format', 'csv', binary],
        undefined,
        /^.+binary\.plan\.json: \$: not valid JSON/,
      ],
      [['export', '--format', 'terraform', work], undefined, /^.+work: cannot read the file/],
      [['diff', SAMPLE, binary], undefined, /^.+binary\.plan\.json: \$: not valid JSON/],
      [['diff', empty, SAMPLE], undefined, /^.+empty\.plan\.json: \$: the file is empty/],
    ];
    for (const [args, input, message] of cases) {
      const r = cli(args, input);
      const what = `${args.join(' ')} ${JSON.stringify(input)}`;
      expect(r.code, what).toBe(2);
      expect(r.stdout, what).toBe('');
      expect(r.stderr, what).toMatch(message);
      expect(r.stderr.trimEnd().split('\n'), what).toHaveLength(1);
      expect(r.stderr, what).not.toMatch(/\n\s+at |Error:|node:internal/);
      // eslint-disable-next-line no-control-regex
      expect(r.stderr, what).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    }
    // import reads other formats; it ends its report with a line of its own.
    for (const file of [work, binary, empty, invalid]) {
      const r = cli(['import', file]);
      expect(r.code, file).toBe(2);
      expect(r.stdout, file).toBe('');
      expect(r.stderr.split('\n')[0], file).toContain(file);
      expect(r.stderr, file).not.toMatch(/\n\s+at |node:internal/);
    }
  }, 60_000);

  it('keeps going past an unreadable plan among several, and exits 2', () => {
    const r = cli(['validate', '--format', 'sarif', SAMPLE, join(work, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json: cannot read the file/);
    const doc = JSON.parse(r.stdout) as {
      runs: { artifacts: unknown[]; invocations: { executionSuccessful: boolean }[] }[];
    };
    expect(doc.runs[0]!.artifacts).toHaveLength(1);
    expect(doc.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  }, 60_000);
});

describe('what validate loads', () => {
  it('is the entry and the validate chunk: no Terraform, designer, ELK or picture export', () => {
    const outputs = built.metafile.outputs;
    const entry = Object.keys(outputs).find((o) => o.endsWith('/dist/cidr-canvas.js'))!;
    const validateChunk = Object.keys(outputs).find((o) =>
      /\/dist\/commands\/validate\.js$/.test(o),
    )!;
    expect(entry).toBeDefined();
    expect(validateChunk).toBeDefined();
    // What loading validate pulls in: these chunks and what they import statically.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const i of outputs[file]!.imports)
        if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(entry);
    visit(validateChunk);
    const inputs = [...loaded].flatMap((o) => Object.keys(outputs[o]!.inputs));
    expect(inputs).toContain('src/domain/analyze.ts');
    expect(inputs).toContain('src/cli/validate.ts');
    const unwanted =
      /node_modules\/(elkjs|react|react-dom|@xyflow|html-to-image|lz-string|zustand)\/|src\/(app|canvas|panels|store|worker)\/|src\/io\/export\//;
    expect(inputs.filter((i) => unwanted.test(i))).toEqual([]);
    // ...while the export command's chunk does hold the Terraform writer: the pattern is live.
    const exportChunk = Object.keys(outputs).find((o) => /\/dist\/commands\/export\.js$/.test(o))!;
    expect(Object.keys(outputs[exportChunk]!.inputs).some((i) => unwanted.test(i))).toBe(true);
    // The entry itself holds only the dispatcher: every command is a chunk of its own.
    expect(
      Object.keys(outputs[entry]!.inputs).every((i) => !/validate|export|analyze/.test(i)),
    ).toBe(true);
  }, 60_000);
});
