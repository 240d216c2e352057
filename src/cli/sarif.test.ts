// SARIF as code-scanning reads it: valid against the SARIF 2.1.0 schema (the copy that
// @microsoft/jest-sarif ships), every result tied to a described rule, the plan file as its
// artifact, the line of the offending object as its region and its JSON path as its logical
// location.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../domain/analyze';
import { COLLECTIONS } from '../domain/model/plan';
import { RULES } from '../domain/rules/codes';
import { parsePlanText } from '../io/parse';
import { RULE_DESCRIPTIONS } from './rule-descriptions';
import { artifactUri, toSarif } from './sarif';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;
// The SARIF schema is written in JSON Schema draft-04, which Ajv 6 knows but does not load itself.
const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
ajv.addMetaSchema(
  JSON.parse(
    readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8'),
  ) as object,
);
const validateSchema = ajv.compile(schema);

function scenario(name: string) {
  const s = JSON.parse(readFileSync(`test/scenarios/${name}.json`, 'utf8')) as { plan: unknown };
  const text = JSON.stringify(s.plan, null, 2);
  const parsed = parsePlanText(text);
  if (!parsed.ok) throw new Error(`scenario ${name} does not parse`);
  return { file: `plans/${name}.plan.json`, text, plan: parsed.value };
}

/** The line (1-based) that opens the object whose first field is this id, found by text search. */
function lineOf(text: string, id: string): number {
  const lines = text.split('\n');
  const idLine = lines.findIndex((l) => l.trim().startsWith(`"id": ${JSON.stringify(id)}`));
  expect(idLine, id).toBeGreaterThan(0);
  expect(lines[idLine - 1]!.trim()).toBe('{');
  return idLine; // the `{` is on the line above: idLine - 1, counted from 1
}

type Sarif = ReturnType<typeof toSarif>;
type Result = Sarif['runs'][number]['results'][number];

describe('validate --format sarif', () => {
  const plans = [
    'clusters-overlap-same-vpc',
    'route-inside-container-cidr',
    'subnet-outside-vpc',
  ].map((name) => {
    const s = scenario(name);
    return { ...s, findings: analyzePlan(s.plan).findings };
  });
  const sarif = toSarif(plans, [
    { file: 'plans/broken.plan.json', message: 'x: $: not valid JSON' },
  ]);
  const run = sarif.runs[0]!;

  it('is valid SARIF 2.1.0 by the schema', () => {
    const ok = validateSchema(JSON.parse(JSON.stringify(sarif)));
    expect(ajv.errorsText(validateSchema.errors), 'schema errors').toBe('No errors');
    expect(ok).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    // The schema does reject what code scanning would: no runs, or a level SARIF does not know.
    expect(validateSchema({ version: '2.1.0' })).toBe(false);
    const badLevel = JSON.parse(JSON.stringify(sarif)) as {
      runs: { results: { level: string }[] }[];
    };
    badLevel.runs[0]!.results[0]!.level = 'info';
    expect(validateSchema(badLevel)).toBe(false);
    expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
  });

  it('has a result for every finding, with a rule that describes it', () => {
    const total = plans.reduce((n, p) => n + p.findings.length, 0);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(run.results).toHaveLength(total);
    const rules = run.tool.driver.rules;
    for (const r of run.results) {
      const rule = rules[r.ruleIndex]!;
      expect(rule.id).toBe(r.ruleId);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
    }
    expect(run.results.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining([
        'CLUSTER_CIDR_OVERLAPS_CLUSTER',
        'ROUTE_INSIDE_CLUSTER_CIDR',
        'SUBNET_OUTSIDE_VPC',
      ]),
    );
  });

  it('lists every rule of the domain and of the spec once, described in the spec’s words', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const code of [...Object.keys(RULES), ...Object.keys(RULE_DESCRIPTIONS)])
      expect(ids).toContain(code);
    const overlap = run.tool.driver.rules.find((r) => r.id === 'SUBNET_OVERLAP')!;
    expect(overlap.fullDescription.text).toBe(
      'Reported when two subnets of one VPC overlap, in IPv4 or in IPv6.',
    );
    expect(overlap.defaultConfiguration.level).toBe('error');
    const connected = run.tool.driver.rules.find(
      (r) => r.id === 'CLUSTER_CIDR_OVERLAPS_CONNECTED',
    )!;
    expect(connected.defaultConfiguration.level).toBe('warning');
    const rounded = run.tool.driver.rules.find((r) => r.id === 'CLUSTER_POD_NUM_ROUNDED')!;
    expect(rounded.defaultConfiguration.level).toBe('note');
  });

  it('places each result at its object: the plan file, the object’s line, its JSON path', () => {
    let i = 0;
    for (const [index, p] of plans.entries()) {
      for (const f of p.findings) {
        const r: Result = run.results[i++]!;
        expect(r.ruleId).toBe(f.code);
        expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
        const [loc] = r.locations;
        expect(loc!.physicalLocation.artifactLocation).toEqual({ uri: p.file, index });
        expect(run.artifacts[index]!.location.uri).toBe(p.file);
        const id = f.objects[0]!;
        expect(loc!.physicalLocation.region.startLine).toBe(lineOf(p.text, id));
        const [logical] = loc!.logicalLocations;
        const m = /^\$\.(\w+)\[(\d+)\]$/.exec(logical!.fullyQualifiedName);
        expect(m, logical!.fullyQualifiedName).not.toBeNull();
        expect(COLLECTIONS).toContain(m![1]);
        const list = p.plan[m![1] as (typeof COLLECTIONS)[number]];
        expect(list[Number(m![2])]!.id).toBe(id);
        expect(logical!.name).toBe(id);
        // The other objects a finding names are related locations, each at its own path.
        const related = ('relatedLocations' in r ? r.relatedLocations : undefined) ?? [];
        expect(related.map((l) => l.logicalLocations[0]!.name)).toEqual(f.objects.slice(1));
        expect(r.partialFingerprints['cidrCanvasFinding/v1']).toBe(
          `${f.code}:${f.objects.join(',')}`,
        );
      }
    }
  });

  it('reports an unreadable plan as a failed execution, not as a result', () => {
    const inv = run.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    expect(inv.toolExecutionNotifications[0]!.message.text).toContain('not valid JSON');
    const clean = toSarif(plans.slice(0, 1));
    expect(clean.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('writes paths as URI references relative to the repository', () => {
    expect(artifactUri('./plans/a b.json')).toBe('plans/a%20b.json');
    expect(artifactUri('plans\\win.json')).toBe('plans/win.json');
    expect(artifactUri('/abs/p.json')).toBe('file:///abs/p.json');
    expect(artifactUri('-')).toBe('stdin');
  });
});
