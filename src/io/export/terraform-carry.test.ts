// The Terraform export carries every object of a plan: the cidr-canvas lines read back give the
// plan's lists exactly (layout and flows aside, which are not infrastructure), and every
// resource's plan id tag names an object of the plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type Plan } from '../../domain/model/plan';
import { validPlanArb } from '../../test-support/arbitraries';
import { parsePlanText } from '../parse';
import { blockHeaders, scanHcl } from './hcl-reader.test-support';
import { TEMPLATE_TEXTS } from './templates.test-support';
import { asciiJson, carryLine, readCarryLine } from './terraform-carry';
import { planToTerraform } from './terraform';

const LISTS = [...COLLECTIONS, 'reservations', 'comments'] as const;

/** The plan as the export's cidr-canvas lines give it back: a simple oracle, no Terraform. */
function carried(tf: string): { name?: string; lists: Record<string, unknown[]> } {
  const lists: Record<string, unknown[]> = {};
  let name: string | undefined;
  for (const l of tf.split('\n')) {
    const c = readCarryLine(l);
    if (!c) continue;
    if (c.kind === 'plan') {
      name = (c.object as { name?: string }).name;
      continue;
    }
    expect(c.index, l).toBeTypeOf('number');
    (lists[c.kind] ??= [])[c.index!] = c.object;
  }
  return { ...(name === undefined ? {} : { name }), lists };
}

function expectCarriesEverything(p: Plan): void {
  const tf = planToTerraform(p);
  const back = carried(tf);
  expect(back.name).toBe(p.name);
  for (const key of LISTS) expect(back.lists[key] ?? [], key).toEqual(p[key] ?? []);
  // Every plan id tag names an object of this plan.
  // (HCL strings cannot hold a lone surrogate: the export writes U+FFFD, so compare that way.)
  const wellFormed = (s: string) =>
    s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const ids = new Set(LISTS.flatMap((k) => (p[k] ?? []).map((o) => wellFormed(o.id))));
  for (const m of tf.matchAll(/"cidr-canvas-id" = ("(?:[^"\\]|\\.)*")/g)) {
    const value = scanHcl(m[1]!).strings[0]!.value;
    expect(ids, value).toContain(value);
  }
}

describe('the cidr-canvas lines', () => {
  it('are one ASCII line that JSON.parse reads back exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (object, kind) => {
        const line = carryLine(kind, object, 3);
        expect(line).toMatch(/^cidr-canvas: [\x20-\x7e]*$/);
        expect(readCarryLine(`# ${line}`)).toEqual({
          kind,
          index: 3,
          object: JSON.parse(JSON.stringify(object)) as unknown,
        });
      }),
    );
    expect(asciiJson('a\u2028b\u202ec')).toBe('"a\\u2028b\\u202ec"');
  });

  for (const file of Object.keys(TEMPLATE_TEXTS).sort()) {
    it(`carry every object of the ${file} template`, () => {
      const r = parsePlanText(TEMPLATE_TEXTS[file]!);
      if (!r.ok) throw new Error(r.error.message);
      expectCarriesEverything(r.value);
    });
  }

  it('carry every object of any plan the reader accepts', () => {
    fc.assert(
      fc.property(validPlanArb, (p) => {
        expectCarriesEverything(p);
        const tf = planToTerraform(p);
        const scan = scanHcl(tf);
        expect(scan.problems).toEqual([]);
        expect(scan.templates).toEqual([]);
        // Every resource and variable a reference names is declared.
        const declared = new Set(blockHeaders(tf).map((h) => `${h.type}.${h.name}`));
        for (const [r] of scan.skeleton.matchAll(
          /(?<!data\.)\btencentcloud_[a-z0-9_]+\.[a-z0-9_]+(?=\.)/g,
        ))
          expect(declared, r).toContain(r);
        const vars = new Set([...tf.matchAll(/^variable "([a-z0-9_]+)" \{/gm)].map((m) => m[1]));
        for (const m of scan.skeleton.matchAll(/\bvar\.([a-z0-9_]+)/g))
          expect(vars, m[0]).toContain(m[1]);
        // Resource names are unique within their type.
        const headers = blockHeaders(tf).map((h) => `${h.kind} ${h.type}.${h.name}`);
        expect(new Set(headers).size).toBe(headers.length);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
