// A readable layout from ELK (elkjs), loaded only when a plan needs one: VPCs arranged by the
// links between them (peerings, CCN, IDC links), subnets packed inside their VPC, resources
// inside their subnet, clusters and gateways beside the subnets. Children are placed relative to
// their parent, as the plan's layout is.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { DEFAULT_SIZES } from '../domain/ops/create';
import type { LayoutBox, Plan } from '../domain/model/plan';

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | undefined;

/**
 * ELK runs in a Web Worker in the browser, so laying out a large plan never freezes the page;
 * where there are no workers (the unit tests in Node) it runs in-process.
 */
async function loadElk(): Promise<Elk> {
  elk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then((m) => new m.default() as unknown as Elk)
      : Promise.all([
          import('elkjs/lib/elk-api.js'),
          import('elkjs/lib/elk-worker.min.js?worker'),
        ]).then(
          ([api, worker]) =>
            new api.default({ workerFactory: () => new worker.default() }) as unknown as Elk,
        );
  return elk;
}

const box = (kind: keyof typeof DEFAULT_SIZES) => ({
  width: DEFAULT_SIZES[kind]!.width,
  height: DEFAULT_SIZES[kind]!.height,
});

const CONTAINER = {
  'elk.algorithm': 'rectpacking',
  'elk.spacing.nodeNode': '24',
  'elk.rectpacking.widthApproximation.targetWidth': '1',
};

/** The ELK graph for a plan: one node per object that is drawn, nested as on the canvas. */
export function elkGraph(plan: Plan): ElkNode {
  const subnetNode = (id: string): ElkNode => {
    const children = plan.resources
      .filter((r) => r.subnet === id)
      .map((r) => ({ id: r.id, ...box('resource') }));
    return {
      id,
      layoutOptions: {
        ...CONTAINER,
        'elk.padding': '[top=64,left=14,bottom=14,right=14]',
        'elk.spacing.nodeNode': '12',
      },
      children,
      ...(children.length === 0 ? box('subnet') : {}),
    };
  };
  const vpcNode = (id: string): ElkNode => {
    const subnets = plan.subnets.filter((s) => s.vpc === id).map((s) => subnetNode(s.id));
    const side = [
      ...plan.clusters.filter((c) => c.vpc === id).map((c) => ({ id: c.id, ...box('cluster') })),
      ...plan.natGateways.filter((n) => n.vpc === id).map((n) => ({ id: n.id, ...box('nat') })),
    ];
    return {
      id,
      layoutOptions: {
        ...CONTAINER,
        'elk.padding': '[top=60,left=24,bottom=24,right=24]',
        'elk.spacing.nodeNode': '30',
      },
      children: [...subnets, ...side],
      ...(subnets.length + side.length === 0 ? box('vpc') : {}),
    };
  };
  const top: ElkNode[] = [
    ...plan.vpcs.map((v) => vpcNode(v.id)),
    ...plan.idcs.map((d) => ({ id: d.id, ...box('idc') })),
    ...plan.ccns.map((c) => ({ id: c.id, ...box('ccn') })),
    { id: 'internet', ...box('internet') },
  ];
  const ids = new Set(top.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [];
  const link = (id: string, a: string, b: string) => {
    if (ids.has(a) && ids.has(b) && a !== b) edges.push({ id, sources: [a], targets: [b] });
  };
  for (const p of plan.peerings) link(p.id, p.vpcs[0], p.vpcs[1]);
  for (const d of plan.idcs) if (d.vpc) link(`idc:${d.id}`, d.vpc, d.id);
  for (const c of plan.ccns) for (const a of c.attachments) link(`ccn:${c.id}:${a}`, c.id, a);
  for (const n of plan.natGateways) link(`nat:${n.id}`, 'internet', n.vpc);
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '80',
      'elk.layered.spacing.nodeNodeBetweenLayers': '140',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '120',
    },
    children: top,
    edges,
  };
}

function collect(
  node: ElkNode,
  out: Record<string, LayoutBox>,
  containers: ReadonlySet<string>,
): void {
  for (const c of node.children ?? []) {
    const b: LayoutBox = containers.has(c.id)
      ? {
          x: Math.round(c.x ?? 0),
          y: Math.round(c.y ?? 0),
          width: Math.round(c.width ?? 0),
          height: Math.round(c.height ?? 0),
        }
      : { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
    out[c.id] = b;
    collect(c, out, containers);
  }
}

/** A complete layout for the plan: every object placed, children inside their parents. */
export async function autoLayout(plan: Plan): Promise<Record<string, LayoutBox>> {
  const engine = await loadElk();
  const laid = await engine.layout(elkGraph(plan));
  const out: Record<string, LayoutBox> = {};
  collect(laid, out, new Set([...plan.vpcs.map((v) => v.id), ...plan.subnets.map((s) => s.id)]));
  return out;
}

/** Whether every object of the plan has a place on the canvas. */
export function hasCompleteLayout(plan: Plan): boolean {
  const l = plan.layout;
  if (!l) return false;
  const all = [
    ...plan.vpcs,
    ...plan.subnets,
    ...plan.clusters,
    ...plan.resources,
    ...plan.natGateways,
    ...plan.idcs,
    ...plan.ccns,
  ];
  return all.every((o) => l[o.id] !== undefined);
}

/** The plan with a place for everything: its own boxes kept, the missing ones from ELK. */
export async function withLayout(plan: Plan): Promise<Plan> {
  if (hasCompleteLayout(plan)) return plan;
  const laid = await autoLayout(plan);
  return { ...plan, layout: { ...laid, ...(plan.layout ?? {}) } };
}
