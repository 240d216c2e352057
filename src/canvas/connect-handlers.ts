// Drawing a line from one object to another: a peering, a CCN attachment, an IDC link, whatever
// connectObjects makes of the pair, as one undo step. Module functions: React Flow copies a
// handler whose identity changes into its store, and these need nothing from a render.
import type { Connection, OnConnectEnd } from '@xyflow/react';
import { connectObjects } from '../domain/ops/create';
import { useAppStore } from '../store/app-store';

function connect(source: string, target: string): void {
  const s = useAppStore.getState();
  const r = connectObjects(s.plan, source, target);
  if (!r.ok) {
    s.toast(r.message, 'error');
    return;
  }
  s.apply(r.ops, { capture: 'immediately', label: 'Connect' });
  s.toast(r.message, 'success');
}

export const onConnect = (c: Connection) => connect(c.source, c.target);

// A connection dropped anywhere on an object (not only on its handle) connects to it.
export const onConnectEnd: OnConnectEnd = (event, state) => {
  if (state.isValid || !state.fromNode) return;
  const p = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!p) return;
  const from = state.fromNode.id;
  const under = [
    ...new Set(
      document
        .elementsFromPoint(p.clientX, p.clientY)
        .map((el) => el.closest('.react-flow__node')?.getAttribute('data-id'))
        .filter((id): id is string => !!id && id !== from),
    ),
  ];
  // Innermost first: dropped on a subnet inside a VPC, the VPC is the one a VPC peers with.
  const plan = useAppStore.getState().plan;
  const target = under.find((id) => connectObjects(plan, from, id).ok) ?? under[0];
  if (target) connect(from, target);
};
