// `npm run build:cli`: the command line tool as plain JavaScript in cli/dist: the dispatcher, and
// one self-contained file per command (dist/commands/<name>.js) that it imports when that command
// runs, so validate loads two files and nothing of the others. Dependencies are bundled in, so the
// package installs offline. `npm pack ./cli` then makes the tarball.
import { build, type Metafile, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_PACKAGE = join(ROOT, 'cli');
const REGISTRY = join(ROOT, 'src/cli/commands.ts');

/** The command modules the registry imports: `load: () => import('./validate')` → validate. */
export function commandModules(): string[] {
  const text = readFileSync(REGISTRY, 'utf8');
  return [...text.matchAll(/import\('\.\/([\w-]+)'\)/g)].map((m) => m[1]!);
}

/**
 * The registry's imports stay imports, of the command's own file: fewer files to load than shared
 * chunks (six for validate), which is most of a small plan's start-up on Node 20's ESM loader.
 */
const commandsApart: Plugin = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+$/ }, (args) =>
      resolve(args.importer) === REGISTRY && args.kind === 'dynamic-import'
        ? { path: `./commands/${args.path.slice(2)}.js`, external: true }
        : undefined,
    );
  },
};

export interface BuiltCli {
  readonly packageDir: string;
  /** The built entry, for `node <entry> validate ...`. */
  readonly entry: string;
  readonly metafile: Metafile;
}

/**
 * Builds into `packageDir` (cli/ by default; tests build into a folder of their own, with
 * cli/package.json and README.md copied in, so that parallel runs do not share one dist/).
 */
export async function buildCli(packageDir: string = SOURCE_PACKAGE): Promise<BuiltCli> {
  const version = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  mkdirSync(packageDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(SOURCE_PACKAGE, 'package.json'), 'utf8')) as {
    version: string;
  };
  if (resolve(packageDir) !== SOURCE_PACKAGE) {
    copyFileSync(join(SOURCE_PACKAGE, 'README.md'), join(packageDir, 'README.md'));
  }
  // The tool's version is the project's: a bump of the root package carries over here.
  if (manifest.version !== version || resolve(packageDir) !== SOURCE_PACKAGE) {
    manifest.version = version;
    writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const outdir = join(packageDir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      'cidr-canvas': 'src/cli/bin.ts',
      ...Object.fromEntries(commandModules().map((m) => [`commands/${m}`, `src/cli/${m}.ts`])),
    },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [commandsApart],
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, 'THIRD_PARTY_LICENSES.txt'), licenses(result.metafile));
  return { packageDir, entry: join(outdir, 'cidr-canvas.js'), metafile: result.metafile };
}

/** The licences of the packages bundled in, which their terms ask to ship with them. */
function licenses(meta: Metafile): string {
  const packages = new Set<string>();
  for (const input of Object.keys(meta.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]!);
  }
  return [...packages]
    .sort()
    .map((name) => {
      const dir = join(ROOT, 'node_modules', name);
      const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].find((f) =>
        existsSync(join(dir, f)),
      );
      const text = file ? readFileSync(join(dir, file), 'utf8').trim() : 'no licence file found';
      return `${name}\n${'='.repeat(name.length)}\n\n${text}\n`;
    })
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const built = await buildCli();
  const sizes = Object.entries(built.metafile.outputs)
    .map(([file, o]) => `  ${relative(ROOT, file)}  ${(o.bytes / 1024).toFixed(1)} kB`)
    .join('\n');
  process.stderr.write(`built ${relative(ROOT, built.entry)}\n${sizes}\n`);
}
