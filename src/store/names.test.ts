// Names where people read ids: one lookup for every panel, edge and tooltip.
import { describe, expect, it } from 'vitest';
import { basePlan, nat, vpc } from '../test-support/builders';
import { nameOf, selectNames } from './selectors';

describe('selectNames and nameOf', () => {
  const plan = basePlan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: 'prod' }), vpc('vpc-b', '10.1.0.0/16')],
    natGateways: [{ ...nat('nat-1', 'vpc-a'), name: 'egress' }],
  });

  it('gives the name of a named object, the id of an unnamed one, and anything else as it is', () => {
    const names = selectNames({ plan });
    expect(nameOf(names, 'nat-1')).toBe('egress');
    expect(nameOf(names, 'vpc-a')).toBe('prod');
    expect(nameOf(names, 'vpc-b')).toBe('vpc-b');
    expect(nameOf(names, '10.0.1.0/24')).toBe('10.0.1.0/24');
    expect(nameOf(names, 'internet')).toBe('Internet');
  });

  it('is the same map while only the layout changes, and a new one when a name does', () => {
    const names = selectNames({ plan });
    const moved = { ...plan, layout: { 'vpc-a': { x: 1, y: 2, width: 300, height: 200 } } };
    expect(selectNames({ plan: moved })).toBe(names);
    const renamed = { ...plan, natGateways: [{ ...plan.natGateways[0]!, name: 'out' }] };
    expect(nameOf(selectNames({ plan: renamed }), 'nat-1')).toBe('out');
  });

  // Every path edge and row reads names: an edit of a CIDR must not re-render them all.
  it('is the same map after an edit that changes no name, and a new one when objects come or go', () => {
    const names = selectNames({ plan });
    const recut = { ...plan, vpcs: plan.vpcs.map((v) => ({ ...v, cidr: '10.9.0.0/16' })) };
    expect(selectNames({ plan: recut })).toBe(names);
    const fewer = { ...recut, natGateways: [] };
    const without = selectNames({ plan: fewer });
    expect(without).not.toBe(names);
    expect(without.has('nat-1')).toBe(false);
    const swapped = { ...fewer, vpcs: [plan.vpcs[0]!, vpc('vpc-c', '10.2.0.0/16')] };
    const after = selectNames({ plan: swapped });
    expect(after).not.toBe(without);
    expect(nameOf(after, 'vpc-c')).toBe('vpc-c');
    expect(after.has('vpc-b')).toBe(false);
    const unnamed = { ...swapped, vpcs: [{ ...plan.vpcs[0]!, name: undefined }, swapped.vpcs[1]!] };
    expect(nameOf(selectNames({ plan: unnamed }), 'vpc-a')).toBe('vpc-a');
  });
});
