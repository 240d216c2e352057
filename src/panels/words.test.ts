import { describe, expect, it } from 'vitest';
import { PATH_REASONS } from '../domain/rules/codes';
import { count, explainTerms, fieldWords, reasonSentence, REASON_WORDS } from './words';

describe('count', () => {
  it('says "1 error" and "0 errors", "2 errors", with irregular plurals when given', () => {
    expect(count(1, 'error')).toBe('1 error');
    expect(count(0, 'error')).toBe('0 errors');
    expect(count(2, 'warning')).toBe('2 warnings');
    expect(count(1, 'VPC')).toBe('1 VPC');
    expect(count(3, 'VPC')).toBe('3 VPCs');
    expect(count(2, 'info', 'info')).toBe('2 info');
    expect(count(12000, 'path')).toBe('12,000 paths');
  });
});

describe('reason sentences and terms', () => {
  it('leads a path message with its reason in plain words', () => {
    expect(
      reasonSentence('NO_RETURN_ROUTE', 'Route table main of VPC shared has no route back'),
    ).toBe('No route back: route table main of VPC shared has no route back');
    expect(reasonSentence('NO_ROUTE', '')).toBe('No route there.');
    // Every reason code has its words.
    for (const code of Object.keys(PATH_REASONS))
      expect(REASON_WORDS[code as keyof typeof REASON_WORDS]).toMatch(/^[A-Z][a-z]/);
  });

  it('cuts a message at its terms, each with what it means', () => {
    const parts = explainTerms("the pods are outside the cluster's non-masquerade ranges");
    expect(parts.map((p) => p.text).join('')).toBe(
      "the pods are outside the cluster's non-masquerade ranges",
    );
    const term = parts.find((p) => p.hint);
    expect(term?.text).toBe('non-masquerade');
    expect(term?.hint).toMatch(/pod IPs/);
    expect(explainTerms('plain')).toEqual([{ text: 'plain' }]);
  });

  it('names fields as people say them', () => {
    expect(fieldWords('containerCidr')).toBe('container CIDR');
    expect(fieldWords('cidr')).toBe('CIDR');
    expect(fieldWords('someNewField')).toBe('some new field');
  });
});
