// Where edge labels (and far-away links) are drawn: React Flow's label layer, a div above the
// edges. React Flow's own EdgeLabelRenderer finds that div with a querySelector in a store
// subscription of its own, so with fifty labelled paths every store write (each edit, each
// result, each frame of a drag) ran fifty querySelectors. The canvas finds it once and hands it
// down through context, as it does the far-away flag.
import type { ReactFlowState } from '@xyflow/react';
import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const LAYER_CLASS = 'react-flow__edgelabel-renderer';

let found: { dom: HTMLDivElement | null; layer: HTMLElement | null } = { dom: null, layer: null };

/** The label layer of the canvas's flow: looked up again only until it is there. */
export const selectLabelLayer = (s: ReactFlowState): HTMLElement | null => {
  if (found.dom !== s.domNode || found.layer === null || !found.layer.isConnected) {
    found = {
      dom: s.domNode,
      layer: s.domNode?.querySelector<HTMLElement>(`.${LAYER_CLASS}`) ?? null,
    };
  }
  return found.layer;
};

export const LabelLayerContext = createContext<HTMLElement | null>(null);

/** Draws its children in the label layer, as EdgeLabelRenderer does. */
export function EdgeLabel({ children }: { children: ReactNode }) {
  const layer = useContext(LabelLayerContext);
  return layer ? createPortal(children, layer) : null;
}
