// How pods (or resources) reach a destination: whether the pod IP is kept (direct), replaced
// by the node IP through ip-masq-agent (snat), or the packet never gets there and back
// (unreachable, with one reason). The rules are in docs/spec/rules.md, "Paths".
export { depsAffected, type PathChanges, type PathDeps } from './deps';
export { PathEngine } from './engine';
export { defaultFlows } from './legs';
export { plainPath } from './template-path';
export type { PathResult, Verdict } from './types';
