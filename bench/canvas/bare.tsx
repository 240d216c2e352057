// The yardstick for the canvas benchmark (e2e/perf-canvas.spec.ts): React Flow with nothing of
// ours, drawing the same plan as plain default nodes (the same ids, nesting, positions and
// sizes), so that the frame times of a drag compare the product with the library alone.
import { ReactFlow, applyNodeChanges, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { NODE_SIZES, type NodeKind } from '../../src/domain/model/node-kinds';
import { gridPlan } from '../../e2e/support/plans';

interface Boxed {
  id: string;
  vpc?: string;
  subnet?: string;
}

function plainNodes(objects: number): Node[] {
  const plan = gridPlan(objects) as Record<string, Boxed[]> & {
    layout: Record<string, { x: number; y: number; width?: number; height?: number }>;
  };
  const nodes: Node[] = [];
  const add = (o: Boxed, parentId: string | undefined, kind: NodeKind) => {
    const box = { ...NODE_SIZES[kind], ...(plan.layout[o.id] ?? { x: 0, y: 0 }) };
    nodes.push({
      id: o.id,
      position: { x: box.x, y: box.y },
      data: { label: o.id },
      ...(parentId ? { parentId } : {}),
      style: { width: box.width, height: box.height },
    });
  };
  // Parents before children, as React Flow wants them.
  for (const v of plan.vpcs!) add(v, undefined, 'vpc');
  for (const s of plan.subnets!) add(s, s.vpc, 'subnet');
  for (const c of plan.clusters!) add(c, c.vpc, 'cluster');
  for (const n of plan.natGateways!) add(n, n.vpc, 'nat');
  for (const r of plan.resources!) add(r, r.subnet, 'resource');
  return nodes;
}

function Bare({ initial }: { initial: Node[] }) {
  const [nodes, setNodes] = useState(initial);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  return (
    <ReactFlow
      nodes={nodes}
      onNodesChange={onNodesChange}
      fitView
      minZoom={0.05}
      proOptions={{ hideAttribution: true }}
    />
  );
}

const objects = Number(new URLSearchParams(location.search).get('objects') ?? 1000);
createRoot(document.getElementById('root')!).render(<Bare initial={plainNodes(objects)} />);
