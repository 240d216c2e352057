// Findings as SARIF 2.1.0, the format code-scanning tools (GitHub, GitLab, Azure DevOps) read:
// one run of cidr-canvas, every rule with its contract description, each plan as an artifact, and
// each finding as a result at the line of its object, with that object's JSON path as its
// logical location. Used by `validate --format sarif` and by `diff --format sarif`.
import type { Plan } from '../domain/model/plan';
import { COLLECTIONS } from '../domain/model/plan';
import { RULES, type Finding, type Severity } from '../domain/rules/codes';
import { locateValues, type Position } from './json-locate';
import { RULE_DESCRIPTIONS } from './rule-descriptions';
import { VERSION } from './version';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A communication path that a change made worse (diff): reported at the cluster it starts from. */
export interface WorsePath {
  readonly from: string;
  readonly to: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly reasonAfter: string | null;
}

/** One plan that was checked: where it came from and what was found in it. */
export interface SarifPlan {
  readonly file: string;
  readonly text: string;
  readonly plan: Plan;
  readonly findings: readonly Finding[];
  /** For a diff: the findings are those the change introduces, and these paths got worse. */
  readonly worsePaths?: readonly WorsePath[];
}

/** The rule of a worse path, which is not a finding of rules.md but what diff gates on. */
export const PATH_WORSE = 'PATH_WORSE';
const PATH_WORSE_RULE = {
  title: 'A communication path got worse',
  when: 'a change moves a path right in direct → snat → unreachable, or adds a path that is unreachable (`diff` exits 1)',
};

/** A plan that could not be read: a notification that the run did not check it. */
export interface SarifFailure {
  readonly file: string;
  readonly message: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** Markdown of the spec's rule table as plain text: `CODE` → CODE. */
const plain = (markdown: string) => markdown.replace(/`/g, '');

/** The codes this tool can report: those of the domain and those the spec lists, in that order. */
function ruleIds(findings: readonly Finding[], withPaths: boolean): string[] {
  const ids = new Set<string>([...Object.keys(RULES), ...Object.keys(RULE_DESCRIPTIONS)]);
  for (const f of findings) ids.add(f.code);
  if (withPaths) ids.add(PATH_WORSE);
  return [...ids];
}

function ruleOf(id: string) {
  const spec = RULE_DESCRIPTIONS[id];
  const domain = (RULES as Readonly<Record<string, { severity: Severity; title: string }>>)[id];
  const severity = domain?.severity ?? spec?.severity ?? (id === PATH_WORSE ? 'error' : 'warning');
  const title = domain?.title ?? (id === PATH_WORSE ? PATH_WORSE_RULE.title : id);
  const when = spec
    ? `Reported when ${spec.when}.`
    : id === PATH_WORSE
      ? `Reported when ${PATH_WORSE_RULE.when}.`
      : `${title}.`;
  return {
    id,
    name: id
      .toLowerCase()
      .replace(/(^|_)([a-z0-9])/g, (_: string, __: string, c: string) => c.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: plain(when), markdown: when },
    help: {
      text: plain(when) + (spec ? ` Objects named: ${plain(spec.objects)}.` : ''),
      markdown: when + (spec ? `\n\nObjects named: ${spec.objects}.` : ''),
    },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: ['network', 'cidr', 'tke'], severity: spec?.severityNote ?? severity },
  };
}

/** The JSON path of every object of the plan by id: `cls-web` → `$.clusters[0]`. */
export function objectPaths(plan: Plan): Map<string, string> {
  const paths = new Map<string, string>();
  for (const collection of COLLECTIONS)
    plan[collection].forEach((o, i) => paths.set(o.id, `$.${collection}[${i}]`));
  return paths;
}

/** A path as a URI reference relative to the repository root, as code-scanning expects. */
export function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  const slashed = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

export function toSarif(plans: readonly SarifPlan[], failures: readonly SarifFailure[] = []) {
  const ids = ruleIds(
    plans.flatMap((p) => p.findings),
    plans.some((p) => p.worsePaths !== undefined),
  );
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const results = plans.flatMap((p, artifactIndex) => {
    const paths = objectPaths(p.plan);
    const positions = locateValues(p.text);
    const location = (id: string, role: string | undefined) => {
      const path = paths.get(id);
      const at: Position = (path === undefined ? undefined : positions.get(path)) ?? {
        line: 1,
        column: 1,
      };
      return {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(p.file), index: artifactIndex },
          region: { startLine: at.line, startColumn: at.column },
        },
        logicalLocations: [{ name: id, fullyQualifiedName: path ?? `$ (${id})`, kind: 'object' }],
        ...(role ? { message: { text: `${role}: ${id}` } } : {}),
      };
    };
    const pathResults = (p.worsePaths ?? []).map((w) => ({
      ruleId: PATH_WORSE,
      ruleIndex: ruleIndex.get(PATH_WORSE)!,
      level: w.after === 'unreachable' ? ('error' as const) : ('warning' as const),
      message: {
        text:
          `The path ${w.from} → ${w.to} ${w.before === null ? 'is new and' : `was ${w.before}, now`} ${w.after ?? 'gone'}` +
          (w.reasonAfter ? ` (${w.reasonAfter}).` : '.'),
      },
      locations: [location(w.from, undefined)],
      relatedLocations: paths.has(w.to) ? [{ id: 1, ...location(w.to, 'destination') }] : [],
      partialFingerprints: { 'cidrCanvasFinding/v1': `${PATH_WORSE}:${w.from},${w.to}` },
    }));
    const findingResults = p.findings.map((f) => {
      const [first, ...others] = f.objects;
      return {
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code)!,
        level: LEVEL[f.severity],
        message: {
          text:
            f.message +
            (f.suggestion
              ? ` Fix: set ${f.suggestion.object}.${f.suggestion.field} to ${f.suggestion.value}.`
              : ''),
        },
        locations: first === undefined ? [] : [location(first, undefined)],
        ...(others.length > 0
          ? {
              relatedLocations: others.map((id, i) => ({
                id: i + 1,
                ...location(id, 'also involved'),
              })),
            }
          : {}),
        // Stable across edits that move lines: the rule and the objects it names.
        partialFingerprints: { 'cidrCanvasFinding/v1': `${f.code}:${f.objects.join(',')}` },
      };
    });
    return [...findingResults, ...pathResults];
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'cidr-canvas',
            version: VERSION,
            semanticVersion: VERSION,
            rules: ids.map(ruleOf),
          },
        },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((f) => ({
              level: 'error',
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(f.file) } } }],
            })),
          },
        ],
        artifacts: plans.map((p) => ({
          location: { uri: artifactUri(p.file) },
          mimeType: 'application/json',
          roles: ['analysisTarget'],
        })),
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}
