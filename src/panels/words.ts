// Words for people: counts in good English, reason codes as sentences, and the terms of the
// trade explained where they appear. Codes stay on hover for whoever needs to look one up.
import type { PathReason } from '../domain/rules/codes';

/** `n` and the noun, singular for exactly one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Why a path does not get through, in a few plain words, to lead its message. */
export const REASON_WORDS: Readonly<Record<PathReason, string>> = {
  NO_ROUTE: 'No route there',
  NO_RETURN_ROUTE: 'No route back',
  NO_INTERNET_EGRESS: 'No way out to the internet',
  SHADOWED_BY_CLUSTER_CIDR: 'The address is taken by a container CIDR',
  CCN_ROUTE_DISABLED: 'The CCN turned the route off',
  PEERING_NOT_TRANSITIVE: 'Peerings do not chain',
};

/** "No route back: route table prod-main of VPC shared has no route back to …". */
export function reasonSentence(reason: PathReason, message: string): string {
  const lead = REASON_WORDS[reason];
  const rest = message.trim();
  if (rest === '') return `${lead}.`;
  return `${lead}: ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
}

/** Terms a person new to TKE networking meets in messages, with what they mean. */
export const TERMS: Readonly<Record<string, string>> = {
  'non-masquerade':
    'Non-masquerade ranges: destinations a cluster’s pods reach with their own pod IPs. Traffic to anywhere else is SNATed to the node’s IP.',
  SNAT: 'SNAT: the pod’s address is replaced by its node’s (or a NAT gateway’s) on the way out, so the far side sees that address and not the pod.',
};

export interface Phrase {
  readonly text: string;
  /** Set on a term: what it means, to show on hover. */
  readonly hint?: string;
}

const TERM_PATTERN = new RegExp(`(${Object.keys(TERMS).join('|')})`, 'g');

/** `text` cut into plain runs and terms, each term with its explanation. */
export function explainTerms(text: string): Phrase[] {
  const out: Phrase[] = [];
  for (const piece of text.split(TERM_PATTERN)) {
    if (piece === '') continue;
    const hint = TERMS[piece];
    out.push(hint ? { text: piece, hint } : { text: piece });
  }
  return out;
}

/** Plan fields as a person says them, for "set the container CIDR of prod-tke to …". */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  cidr: 'CIDR',
  cidrs: 'secondary CIDRs',
  ipv6Cidr: 'IPv6 CIDR',
  containerCidr: 'container CIDR',
  serviceCidr: 'service CIDR',
  maxPodsPerNode: 'max pods per node',
  maxServices: 'max services',
  nonMasqueradeCidrs: 'non-masquerade CIDRs',
  nodeSubnets: 'node subnets',
  podSubnets: 'pod subnets',
  nodeCount: 'node count',
  ip: 'IP',
  routeTable: 'route table',
  zone: 'zone',
  name: 'name',
};

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
