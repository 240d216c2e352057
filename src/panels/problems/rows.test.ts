import { describe, expect, it } from 'vitest';
import type { Finding, RuleCode } from '../../domain/rules/codes';
import { RULES } from '../../domain/rules/codes';
import { codeCounts, messageWith, problemRows, type ProblemFilter } from './rows';
import { rowWindow, scrollToShow } from './windowing';

const f = (code: RuleCode, objects: string[]): Finding => ({
  code,
  severity: RULES[code].severity,
  objects,
  ranges: [],
  message: `${code} ${objects.join(' ')}`,
});

const findings = [
  f('SUBNET_OVERLAP', ['sn-2', 'sn-1']),
  f('CCN_CIDR_CONFLICT', ['vpc-a', 'vpc-b']),
  f('VPC_CIDR_RANGE', ['vpc-a']),
  f('SUBNET_OVERLAP', ['sn-3', 'sn-1']),
  f('CLUSTER_POD_NUM_ROUNDED', ['cls-1']),
];
const names = new Map([
  ['sn-1', 'web'],
  ['sn-2', 'db'],
  ['sn-3', 'cache'],
  ['vpc-a', 'prod'],
  ['vpc-b', 'staging'],
  ['cls-1', 'prod-tke'],
]);
const all: ProblemFilter = {
  severities: new Set(['error', 'warning', 'info']),
  code: null,
  text: '',
};
const keys = (rows: ReturnType<typeof problemRows>) => rows.map((r) => r.key);

describe('problem rows', () => {
  it('groups by severity, then by code in catalogue order, with counts', () => {
    const rows = problemRows(findings, all, names, new Set());
    expect(keys(rows)).toEqual([
      's:error',
      'c:VPC_CIDR_RANGE',
      'f:2',
      'c:SUBNET_OVERLAP',
      'f:0',
      'f:3',
      's:warning',
      'c:CCN_CIDR_CONFLICT',
      'f:1',
      's:info',
      'c:CLUSTER_POD_NUM_ROUNDED',
      'f:4',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'severity', count: 3 });
    expect(rows[3]).toMatchObject({ kind: 'code', count: 2, findings: [0, 3] });
  });

  it('folds closed groups', () => {
    const rows = problemRows(findings, all, names, new Set(['c:SUBNET_OVERLAP', 's:warning']));
    expect(keys(rows)).toEqual([
      's:error',
      'c:VPC_CIDR_RANGE',
      'f:2',
      'c:SUBNET_OVERLAP',
      's:warning',
      's:info',
      'c:CLUSTER_POD_NUM_ROUNDED',
      'f:4',
    ]);
  });

  it('filters by severity, by code and by object name or id', () => {
    const errors = { ...all, severities: new Set(['error'] as const) };
    expect(keys(problemRows(findings, errors, names, new Set()))).toEqual([
      's:error',
      'c:VPC_CIDR_RANGE',
      'f:2',
      'c:SUBNET_OVERLAP',
      'f:0',
      'f:3',
    ]);
    const byCode = { ...all, code: 'SUBNET_OVERLAP' as const };
    expect(keys(problemRows(findings, byCode, names, new Set()))).toEqual([
      's:error',
      'c:SUBNET_OVERLAP',
      'f:0',
      'f:3',
    ]);
    const byName = { ...all, text: ' CACHE ' };
    expect(keys(problemRows(findings, byName, names, new Set()))).toEqual([
      's:error',
      'c:SUBNET_OVERLAP',
      'f:3',
    ]);
    const byId = { ...all, text: 'vpc-b' };
    expect(keys(problemRows(findings, byId, names, new Set()))).toEqual([
      's:warning',
      'c:CCN_CIDR_CONFLICT',
      'f:1',
    ]);
    expect(problemRows(findings, { ...all, text: 'nothing' }, names, new Set())).toEqual([]);
  });

  it('lists the codes present with their counts', () => {
    expect(codeCounts(findings)).toEqual([
      ['VPC_CIDR_RANGE', 1],
      ['SUBNET_OVERLAP', 2],
      ['CCN_CIDR_CONFLICT', 1],
      ['CLUSTER_POD_NUM_ROUNDED', 1],
    ]);
  });
});

describe('row window', () => {
  it('draws the rows in view and a few either side, never past the ends', () => {
    expect(rowWindow(0, 100, 25, 1000, 2)).toEqual({ start: 0, end: 6 });
    expect(rowWindow(2500, 100, 25, 1000, 2)).toEqual({ start: 98, end: 106 });
    expect(rowWindow(24_900, 100, 25, 1000, 2)).toEqual({ start: 994, end: 1000 });
    // Scrolled past the end (a list that just shrank): the last rows, not nothing.
    expect(rowWindow(50_000, 100, 25, 10, 2)).toEqual({ start: 7, end: 10 });
    expect(rowWindow(0, 100, 25, 0)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as it can to show a row', () => {
    expect(scrollToShow(10, 0, 100, 25)).toBe(175);
    expect(scrollToShow(2, 100, 100, 25)).toBe(50);
    expect(scrollToShow(5, 100, 100, 25)).toBe(100);
  });
});

describe('a message with the block chosen for it', () => {
  const overlap: Finding = {
    ...f('SUBNET_OVERLAP', ['b', 'a']),
    message:
      'Subnet b (10.0.0.0/24) overlaps subnet a (10.0.0.0/24) in VPC prod; 10.0.8.0/24 is free',
    suggestion: { object: 'b', field: 'cidr', value: '10.0.8.0/24' },
  };
  it('names the chosen block where the rule named its own', () => {
    expect(messageWith(overlap, { object: 'b', field: 'cidr', value: '10.0.9.0/24' })).toBe(
      'Subnet b (10.0.0.0/24) overlaps subnet a (10.0.0.0/24) in VPC prod; 10.0.9.0/24 is free',
    );
    expect(messageWith(overlap, overlap.suggestion)).toBe(overlap.message);
    expect(messageWith(overlap, undefined)).toBe(overlap.message);
  });
});
