import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comment } from '../../test-support/builders';
import { groupComments } from './group';

describe('groupComments', () => {
  it('puts the plan first, then objects in order of their first comment', () => {
    const all = [
      comment('cm-1', 'a', { object: 'db-1' }),
      comment('cm-2', 'b'),
      comment('cm-3', 'c', { object: 'cls-1' }),
      comment('cm-4', 'd', { object: 'db-1' }),
      comment('cm-5', 'e', { object: 'cls-1', resolved: true }),
    ];
    expect(groupComments(all, false).map((g) => [g.object, g.comments.map((c) => c.id)])).toEqual([
      [undefined, ['cm-2']],
      ['db-1', ['cm-1', 'cm-4']],
      ['cls-1', ['cm-3']],
    ]);
    expect(groupComments(all, true).map((g) => g.object)).toEqual(['cls-1']);
  });

  it('loses and duplicates no comment: open and resolved groups together hold each once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ o: fc.constantFrom(undefined, 'a', 'b'), r: fc.boolean() }), {
          maxLength: 20,
        }),
        (specs) => {
          const all = specs.map((x, i) =>
            comment(`cm-${i}`, 't', { ...(x.o ? { object: x.o } : {}), resolved: x.r }),
          );
          const ids = [true, false]
            .flatMap((r) => groupComments(all, r))
            .flatMap((g) => g.comments.map((c) => c.id))
            .sort();
          expect(ids).toEqual(all.map((c) => c.id).sort());
          for (const r of [true, false])
            for (const g of groupComments(all, r))
              for (const c of g.comments) {
                expect(c.object).toBe(g.object);
                expect(c.resolved === true).toBe(r);
              }
        },
      ),
    );
  });
});
