import { describe, expect, it } from 'vitest';
import { kindFacts, OBJECT_KINDS } from './kinds';
import { CONTAINER_FIELD, containerOf, DRAW_ORDER, NODE_KIND_OF } from './node-kinds';

describe('node kinds', () => {
  it('draws inside a box only kinds that are boxes, in a box of a drawn kind', () => {
    for (const kind of OBJECT_KINDS) {
      const field = CONTAINER_FIELD[kind];
      if (!field) continue;
      expect(NODE_KIND_OF[kind], kind).toBeDefined();
      // The container is a single reference the plan index lists its children by.
      const ref = kindFacts(kind).refs.find((r) => r.field === field);
      expect(ref, `${kind}.${field}`).toMatchObject({ parent: true });
      expect(ref!.many, `${kind}.${field}`).toBeUndefined();
      for (const to of ref!.to) expect(NODE_KIND_OF[to], `${kind} in ${to}`).toBeDefined();
    }
  });

  it('draws every box kind once, containers before what they hold', () => {
    const drawn = OBJECT_KINDS.filter((k) => NODE_KIND_OF[k] !== undefined);
    expect([...DRAW_ORDER].sort()).toEqual([...drawn].sort());
    for (const kind of DRAW_ORDER) {
      const field = CONTAINER_FIELD[kind];
      if (field) expect(DRAW_ORDER.indexOf(field), kind).toBeLessThan(DRAW_ORDER.indexOf(kind));
    }
  });

  it('reads the container from the object, and none for kinds drawn on their own', () => {
    expect(containerOf('resource', { id: 'db', subnet: 'sn-1' })).toBe('sn-1');
    expect(containerOf('natGateway', { id: 'nat', vpc: 'vpc-1' })).toBe('vpc-1');
    expect(containerOf('idc', { id: 'idc', vpc: 'vpc-1' })).toBeUndefined();
    expect(containerOf('vpc', { id: 'vpc-1' })).toBeUndefined();
  });
});
