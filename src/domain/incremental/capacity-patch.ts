// Capacity answers carry only the clusters that changed; both sides of the worker apply them.
import type { ClusterCapacity } from '../capacity/capacity';

/** `list` with the capacities in `changed` in place of their clusters' earlier ones. */
export function patchCapacity(
  list: readonly ClusterCapacity[],
  changed: readonly ClusterCapacity[],
): readonly ClusterCapacity[] {
  const by = new Map(changed.map((c) => [c.cluster, c]));
  return list.map((c) => by.get(c.cluster) ?? c);
}
