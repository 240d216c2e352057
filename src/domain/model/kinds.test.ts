import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { cidrOf } from '../ip/cidr';
import { validPlanArb } from '../../test-support/arbitraries';
import {
  COLLECTION_OF_KIND,
  COLLECTIONS,
  countOf,
  KIND_OF_COLLECTION,
  KINDS,
  kindFacts,
  kindTitle,
  OBJECT_KINDS,
  refIds,
  withArticle,
  type Collection,
} from './kinds';
import { emptyPlan, type ObjectKind, type ObjectOfKind, type Plan } from './plan';

/** Keys of Plan whose value is a list of objects with ids. */
type IdLists = {
  [P in keyof Plan]-?: NonNullable<Plan[P]> extends readonly { id: string }[] ? P : never;
}[keyof Plan];

describe('the kind registry', () => {
  it('has an entry for every list of objects the plan type has, and no other', () => {
    // Compile-time: a new list in Plan that is neither a kind's collection nor one of the two
    // lists of notes makes this line fail `npm run typecheck`.
    expectTypeOf<
      Exclude<IdLists, Collection | 'reservations' | 'comments'>
    >().toEqualTypeOf<never>();
    expectTypeOf<Collection>().toEqualTypeOf<Exclude<IdLists, 'reservations' | 'comments'>>();
    expectTypeOf<keyof typeof KINDS>().toEqualTypeOf<ObjectKind>();
    expectTypeOf<ObjectOfKind['natGateway']>().toEqualTypeOf<Plan['natGateways'][number]>();
    const lists = Object.entries(emptyPlan())
      .filter(([, v]) => Array.isArray(v))
      .map(([k]) => k);
    expect(COLLECTIONS).toEqual(lists);
  });

  it('maps kinds and collections both ways, in the order the format writes them', () => {
    expect(OBJECT_KINDS).toEqual([
      'vpc',
      'subnet',
      'cluster',
      'resource',
      'natGateway',
      'peering',
      'ccn',
      'idc',
      'routeTable',
    ]);
    for (const k of OBJECT_KINDS) expect(KIND_OF_COLLECTION[COLLECTION_OF_KIND[k]]).toBe(k);
    expect(new Set(COLLECTIONS).size).toBe(OBJECT_KINDS.length);
  });

  it('gives ids prefixes no two kinds share', () => {
    const prefixes = OBJECT_KINDS.flatMap((k) => kindFacts(k).idPrefix ?? []);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('words each kind', () => {
    expect(withArticle('idc')).toBe('an IDC');
    expect(withArticle('natGateway')).toBe('a NAT gateway');
    expect(kindTitle('routeTable')).toBe('Route table');
    expect(countOf('subnet', 1)).toBe('1 subnet');
    expect(countOf('ccn', 3)).toBe('3 CCNs');
  });

  it('lists references that, in a valid plan, name objects of the kinds it says', () => {
    fc.assert(
      fc.property(validPlanArb, (p) => {
        const kindOf = new Map<string, ObjectKind>();
        for (const k of OBJECT_KINDS) for (const o of p[KINDS[k].collection]) kindOf.set(o.id, k);
        for (const k of OBJECT_KINDS) {
          for (const o of p[KINDS[k].collection]) {
            for (const r of kindFacts(k).refs) {
              for (const id of refIds(o, r)) {
                const found = kindOf.get(id);
                expect(found, `${k} ${o.id}.${r.field} -> ${id}`).toBeDefined();
                if (r.to.length > 0) expect(r.to).toContain(found);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists every field of a valid plan that holds CIDRs, and only those', () => {
    const isCidr = (x: unknown) => typeof x === 'string' && /^[0-9a-f.:]+\/\d+$/i.test(x);
    fc.assert(
      fc.property(validPlanArb, (p) => {
        for (const k of OBJECT_KINDS) {
          const listed = kindFacts(k).cidrFields;
          for (const o of p[KINDS[k].collection] as unknown as readonly Record<string, unknown>[]) {
            for (const [field, value] of Object.entries(o)) {
              const entry = listed.find((f) => f.field === field);
              const values = Array.isArray(value) ? (value as unknown[]) : [value];
              const texts = entry?.item
                ? values.map((x) => (x as Record<string, unknown>)[entry.item!])
                : values;
              if (entry) for (const t of texts) expect(() => cidrOf(t as string)).not.toThrow();
              else if (field !== 'id' && field !== 'name' && field !== 'description')
                expect(texts.some(isCidr), `${k}.${field}`).toBe(false);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
