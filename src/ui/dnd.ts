/** The drag-and-drop type that carries a palette kind onto the canvas. */
export const PALETTE_MIME = 'application/x-cidr-canvas-kind';
