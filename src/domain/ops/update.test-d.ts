// Type-level test, checked by `npm run typecheck` (tsc covers src/): an update names only fields
// its collection's objects have, with their types. Each `@ts-expect-error` is itself an error
// if its line compiles, so typing that stopped catching one of these breaks typecheck.
import type { PlanOp } from './ops';

export const accepted: PlanOp[] = [
  { op: 'update', collection: 'vpcs', id: 'v', set: { cidr: '10.0.0.0/16', name: 'prod' } },
  { op: 'update', collection: 'clusters', id: 'c', set: { nodeCount: 3, podSubnets: ['s'] } },
  { op: 'update', collection: 'subnets', id: 's', set: {}, unset: ['routeTable'] },
  { op: 'update', collection: 'peerings', id: 'p', set: { vpcs: ['a', 'b'] } },
];

export const refused: PlanOp[] = [
  // @ts-expect-error a misspelt field
  { op: 'update', collection: 'vpcs', id: 'v', set: { cidrr: '10.0.0.0/16' } },
  // @ts-expect-error a value of the wrong type
  { op: 'update', collection: 'clusters', id: 'c', set: { nodeCount: '3' } },
  // @ts-expect-error a value outside the field's choices
  { op: 'update', collection: 'clusters', id: 'c', set: { mode: 'bridge' } },
  // @ts-expect-error a field of another collection (a VPC has no subnet)
  { op: 'update', collection: 'vpcs', id: 'v', set: { subnet: 's' } },
  // @ts-expect-error the id never changes through an update
  { op: 'update', collection: 'vpcs', id: 'v', set: { id: 'w' } },
  // @ts-expect-error a required field cannot be unset
  { op: 'update', collection: 'subnets', id: 's', set: {}, unset: ['cidr'] },
  // @ts-expect-error a misspelt field to unset
  { op: 'update', collection: 'subnets', id: 's', set: {}, unset: ['routetable'] },
  // @ts-expect-error a peering joins exactly two VPCs
  { op: 'update', collection: 'peerings', id: 'p', set: { vpcs: ['a', 'b', 'c'] } },
];
