// How a cluster's planned nodes fit the provider's node pools: at most 2,000 nodes a pool
// (tencentcloud_kubernetes_node_pool validates max_size and desired_capacity to 0..2000), and a
// name of at most 25 characters of letters, digits, `_`, `-` and `.`.

export const NODE_POOL_MAX_NODES = 2000;
/**
 * Pools written for one cluster at most: 100,000 nodes, twenty times TKE's largest cluster. A
 * plan asking for more is past anything TKE runs (its capacity findings say so); the export
 * stays a file a person can read.
 */
export const NODE_POOLS_MAX = 50;
const NODE_POOL_NAME_MAX = 25;

/**
 * The sizes of the pools that hold `nodeCount` nodes: as few pools as the limit allows, sized
 * evenly (2,500 nodes: 1,250 and 1,250). No node count: one pool of 0, to scale up.
 */
export function nodePoolSizes(nodeCount: number | undefined): number[] {
  if (nodeCount === undefined || nodeCount <= 0) return [0];
  const pools = Math.min(NODE_POOLS_MAX, Math.ceil(nodeCount / NODE_POOL_MAX_NODES));
  if (pools === NODE_POOLS_MAX && nodeCount > NODE_POOLS_MAX * NODE_POOL_MAX_NODES)
    return Array.from({ length: pools }, () => NODE_POOL_MAX_NODES);
  const base = Math.floor(nodeCount / pools);
  const extra = nodeCount % pools;
  return Array.from({ length: pools }, (_, i) => base + (i < extra ? 1 : 0));
}

/** `<cluster>-nodes`, `<cluster>-nodes-2`...: the cluster's name cut so the whole fits 25. */
export function nodePoolName(clusterName: string, index: number, pools: number): string {
  const suffix = pools > 1 && index > 0 ? `-nodes-${index + 1}` : '-nodes';
  const base =
    Array.from(clusterName.replace(/[^A-Za-z0-9_.-]/g, ''))
      .slice(0, NODE_POOL_NAME_MAX - suffix.length)
      .join('') || 'cluster';
  return `${base}${suffix}`;
}
