import { describe, expect, it } from 'vitest';
import { count } from './words';

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
