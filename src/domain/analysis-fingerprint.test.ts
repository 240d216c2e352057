// The findings and paths of the generated 1k plan, byte for byte as they were before the path
// engine was restructured (scripts/analysis-fingerprint.ts; 10k and 100k in docs/performance.md),
// but for one intended change since: "the pods of … are outside" (was "is"), checked by running
// the new tree with the old verb, which gives the recorded 1efb9375… again.
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint } from '../../scripts/analysis-fingerprint';

describe('analysis fingerprint', () => {
  it('the generated 1k plan analyses to the recorded findings and paths', () => {
    const f = fingerprint(1_000);
    expect({ findings: f.findings, paths: f.paths }).toEqual({ findings: 1, paths: 12141 });
    expect(f.sha256).toBe('8fd81984a3a5d0abd76e3b484da3774f6a1b85e0bfb9f1c97d78dc58c3a1c281');
    // About a second and a half alone; several times that on a shared, loaded machine.
  }, 60_000);

  it('canonical JSON sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe(
      '{"a":[{"b":null,"d":2}],"b":1}',
    );
  });
});
