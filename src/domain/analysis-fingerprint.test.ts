// The findings and paths of the generated 1k plan, byte for byte as they were before the path
// engine was restructured (scripts/analysis-fingerprint.ts; 10k and 100k in docs/performance.md).
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint } from '../../scripts/analysis-fingerprint';

describe('analysis fingerprint', () => {
  it('the generated 1k plan analyses to the recorded findings and paths', () => {
    const f = fingerprint(1_000);
    expect({ findings: f.findings, paths: f.paths }).toEqual({ findings: 1, paths: 12141 });
    expect(f.sha256).toBe('1efb937506bad4ea95789b9045e95170186aaadfa55079bb79c82541c16725f2');
    // About a second and a half alone; several times that on a shared, loaded machine.
  }, 60_000);

  it('canonical JSON sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe(
      '{"a":[{"b":null,"d":2}],"b":1}',
    );
  });
});
