// What each kind of object is called on screen, in one place: the command bar, the Changes
// panel and the ghosts of removed objects each had their own copy.
import type { DiffKind } from '../domain/diff/objects';

export const KIND_WORDS: Readonly<Record<DiffKind, string>> = {
  vpc: 'VPC',
  subnet: 'Subnet',
  cluster: 'Cluster',
  resource: 'Resource',
  natGateway: 'NAT gateway',
  peering: 'Peering',
  ccn: 'CCN',
  idc: 'IDC',
  routeTable: 'Route table',
  reservation: 'Reservation',
  comment: 'Comment',
};
