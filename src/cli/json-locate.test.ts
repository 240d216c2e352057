import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPath } from '../io/errors';
import { locateValues } from './json-locate';

/** Every value down to a depth with its path: the oracle walks the parsed value. */
function pathsOf(
  value: unknown,
  depth: number,
  segments: (string | number)[] = [],
): Map<string, unknown> {
  const out = new Map<string, unknown>([[jsonPath(segments), value]]);
  if (segments.length >= depth || typeof value !== 'object' || value === null) return out;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  for (const [k, v] of entries)
    for (const [p, x] of pathsOf(v, depth, [...segments, k])) out.set(p, x);
  return out;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

describe('locateValues', () => {
  it('finds every value to depth 2 where its JSON text starts (compact and indented)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(0, 1, 2, '\t'),
        (value, indent) => {
          // Objects with duplicate keys cannot come out of JSON.stringify; -0 prints as 0.
          const text = JSON.stringify(value, null, indent);
          const canonical = JSON.parse(text) as unknown;
          const expected = pathsOf(canonical, 2);
          const found = locateValues(text, 2);
          expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [path, at] of found) {
            const start = offsetOf(text, at.line, at.column);
            const json = JSON.stringify(expected.get(path), null, indent);
            // Indented values start with the same first line as their own stringification.
            expect(text.slice(start, start + json.split('\n')[0]!.length)).toBe(
              json.split('\n')[0],
            );
          }
        },
      ),
    );
  });

  it('gives 1-based lines and columns of a plan’s objects', () => {
    const text = '{\n  "clusters": [\n    { "id": "a" },\n    {"id": "b\\"]}"}\n  ]\n}';
    const found = locateValues(text);
    expect(found.get('$.clusters[0]')).toEqual({ line: 3, column: 5 });
    expect(found.get('$.clusters[1]')).toEqual({ line: 4, column: 5 });
    expect(found.has('$.clusters[2]')).toBe(false);
  });
});
