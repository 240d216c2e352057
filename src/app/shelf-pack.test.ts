import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shelfPack } from './shelf-pack';

const options = { gap: 24, padding: { top: 60, right: 20, bottom: 20, left: 20 }, aspect: 1.5 };
const items = fc.array(
  fc.record({
    width: fc.integer({ min: 20, max: 500 }),
    height: fc.integer({ min: 20, max: 400 }),
  }),
  { maxLength: 14 },
);

describe('shelfPack', () => {
  it('keeps every item inside the box, inside the padding, and apart from the others', () => {
    fc.assert(
      fc.property(items, (sizes) => {
        const list = sizes.map((s, i) => ({ id: `i${i}`, ...s }));
        const p = shelfPack(list, options);
        const boxes = list.map((it) => ({ ...it, ...p.at.get(it.id)! }));
        for (const b of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(options.padding.left);
          expect(b.y).toBeGreaterThanOrEqual(options.padding.top);
          expect(b.x + b.width).toBeLessThanOrEqual(p.width - options.padding.right);
          expect(b.y + b.height).toBeLessThanOrEqual(p.height - options.padding.bottom);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            const apart =
              a.x + a.width + options.gap <= b.x ||
              b.x + b.width + options.gap <= a.x ||
              a.y + a.height + options.gap <= b.y ||
              b.y + b.height + options.gap <= a.y;
            expect(apart).toBe(true);
          }
      }),
    );
  });

  it('keeps the reading order: left to right, then row by row', () => {
    fc.assert(
      fc.property(items, (sizes) => {
        const list = sizes.map((s, i) => ({ id: `i${i}`, ...s }));
        const p = shelfPack(list, options);
        for (let i = 1; i < list.length; i++) {
          const a = p.at.get(list[i - 1]!.id)!;
          const b = p.at.get(list[i]!.id)!;
          expect(b.y > a.y || (b.y === a.y && b.x > a.x)).toBe(true);
        }
      }),
    );
  });

  it('makes six boxes of the sample VPC two or three rows, not one long row', () => {
    const p = shelfPack(
      [
        { id: 'a', width: 230, height: 120 },
        { id: 'b', width: 230, height: 120 },
        { id: 'd', width: 420, height: 158 },
        { id: 'c1', width: 210, height: 130 },
        { id: 'c2', width: 210, height: 130 },
        { id: 'n', width: 160, height: 60 },
      ],
      options,
    );
    expect(p.width / p.height).toBeGreaterThan(1);
    expect(p.width / p.height).toBeLessThan(2.2);
  });
});
