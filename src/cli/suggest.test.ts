// The suggest command end to end: files in, stdout and the exit status out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support/cli-run';

const SAMPLE = 'src/app/templates/sample.plan.json';
const dir = tempDir('suggest');

const run = (...args: string[]) => runCli('suggest', ...args);

type Json = Record<string, unknown>;

describe('cidr-canvas suggest', () => {
  it('sizes a cluster as cli.md shows and places it past the clusters in use', () => {
    const r = run(SAMPLE, '--vpc', 'vpc-prod', '--nodes', '1000');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      containerCidr: '172.18.0.0/16',
      maxPodsPerNode: 64,
      maxServices: 256,
      maxNodes: 1020,
      serviceCidr: '172.18.255.0/24',
      rejected: [
        { cidr: '172.16.0.0/16', because: 'overlaps container CIDR of prod-tke (172.16.0.0/16)' },
        { cidr: '172.17.0.0/16', because: 'overlaps container CIDR of batch-tke (172.17.0.0/16)' },
      ],
      rejectedCount: 2,
    });
  }, 60_000);

  it('honours a reservation and the pods and services asked for', () => {
    const plan = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Json;
    plan.reservations = [{ id: 'rsv-1', name: 'EU expansion', cidr: '172.18.0.0/15' }];
    const file = join(dir, 'reserved.plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const r = run(
      file,
      '--vpc=vpc-prod',
      '--nodes=100',
      '--pods-per-node=100',
      '--services',
      '1000',
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Json;
    // 100 nodes × 128 pods + 1024 services = 13,824 addresses: a /18.
    expect(s).toMatchObject({
      containerCidr: '172.20.0.0/18',
      maxPodsPerNode: 128,
      maxServices: 1024,
      maxNodes: 120,
      serviceCidr: '172.20.60.0/22',
    });
    expect((s.rejected as Json[]).map((x) => x.because)).toContain(
      'overlaps reservation EU expansion (172.18.0.0/15)',
    );
  }, 60_000);

  it('exits 1 with the reason when nothing fits', () => {
    const r = run(SAMPLE, '--vpc', 'vpc-prod', '--nodes', '1000000', '--pods-per-node', '256');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Json).reason).toMatch(/more than 10\.0\.0\.0\/8 holds/);
    expect(r.stderr).toMatch(/^suggest: nothing fits: /);
  }, 60_000);

  it('gives pod subnets per zone and a service CIDR for --mode vpc-cni, as text too', () => {
    const r = run(
      SAMPLE,
      '--vpc',
      'vpc-prod',
      '--nodes',
      '50',
      '--mode',
      'vpc-cni',
      '--zones',
      'ap-guangzhou-3',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      mode: 'vpc-cni',
      pods: 3200,
      podsPerZone: 3200,
      subnets: [{ zone: 'ap-guangzhou-3', cidr: '10.0.16.0/20', usableIps: 4093 }],
      serviceCidr: '172.18.0.0/24',
      maxServices: 256,
    });
    const t = run(SAMPLE, '--vpc', 'vpc-prod', '--nodes', '1000', '--format', 'text');
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Container CIDR 172.18.0.0/16 for a new cluster in VPC vpc-prod');
    expect(t.stdout).toMatch(/172\.16\.0\.0\/16 +overlaps container CIDR of prod-tke/);
  }, 60_000);

  it('exits 2 for a plan it cannot read, naming the file and the bad field', () => {
    const bad = join(dir, 'bad.plan.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'cidr-canvas/plan',
        version: 1,
        vpcs: [{ id: 'v', cidr: '10.0.0.1/16' }],
      }),
    );
    const r = run(bad, '--vpc', 'v', '--nodes', '10');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: $.vpcs[0].cidr`);
  }, 60_000);

  it('exits 2 with the usage for missing or wrong arguments, or a VPC the plan lacks', () => {
    for (const args of [
      [SAMPLE, '--nodes', '10'],
      [SAMPLE, '--vpc', 'vpc-prod'],
      [SAMPLE, '--vpc', 'vpc-prod', '--nodes', 'ten'],
      [SAMPLE, '--vpc', 'vpc-prod', '--nodes', '10', '--mode', 'eni'],
    ]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: cidr-canvas suggest PLAN.json --vpc VPC_ID --nodes N');
    }
    const ghost = run(SAMPLE, '--vpc', 'vpc-ghost', '--nodes', '10');
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toContain('has no VPC vpc-ghost (its VPCs: vpc-prod, vpc-shared)');
  }, 120_000);
});
