// Packing a container's children in rows ("shelves"), in the order given: the row width is picked
// from every width the rows could break at, for the box that shows largest on a canvas of the
// given shape. Used for the inside of VPCs and subnets, where reading order matters more than the
// last bit of density, and ELK's rectangle packing left whole rows with one small box in them.

export interface Item {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface Packed {
  readonly width: number;
  readonly height: number;
  readonly at: ReadonlyMap<string, { x: number; y: number }>;
}

export interface PackOptions {
  readonly gap: number;
  readonly padding: { top: number; right: number; bottom: number; left: number };
  /** Width over height of the canvas the box is shown on. */
  readonly aspect: number;
  /** The narrowest the box may be (its header must fit). */
  readonly minWidth?: number;
}

function shelves(items: readonly Item[], limit: number, o: PackOptions): Packed {
  const at = new Map<string, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const it of items) {
    if (x > 0 && x + it.width > limit) {
      y += rowHeight + o.gap;
      x = 0;
      rowHeight = 0;
    }
    at.set(it.id, { x: o.padding.left + x, y: o.padding.top + y });
    width = Math.max(width, x + it.width);
    x += it.width + o.gap;
    rowHeight = Math.max(rowHeight, it.height);
  }
  return {
    width: Math.max(o.minWidth ?? 0, o.padding.left + width + o.padding.right),
    height: o.padding.top + y + rowHeight + o.padding.bottom,
    at,
  };
}

const MAX_TRIES = 200;

/** Rows of the items, the box's width chosen so it shows largest on a canvas of `aspect`. */
export function shelfPack(items: readonly Item[], o: PackOptions): Packed {
  if (items.length === 0) return shelves(items, 0, o);
  // Every row width worth trying: the widths of runs of consecutive items.
  const limits = new Set<number>();
  for (let i = 0; i < items.length; i++) {
    let w = 0;
    for (let j = i; j < items.length; j++) {
      w += items[j]!.width + (j > i ? o.gap : 0);
      limits.add(w);
    }
  }
  // A VPC of hundreds of objects has tens of thousands of such widths: try an even spread of them.
  const sorted = [...limits].sort((x, y) => x - y);
  const step = Math.max(1, Math.floor(sorted.length / MAX_TRIES));
  let best: Packed | undefined;
  let bestScale = -Infinity;
  for (let i = 0; i < sorted.length; i += step) {
    const limit = sorted[i]!;
    const p = shelves(items, limit, o);
    const scale = Math.min(o.aspect / p.width, 1 / p.height);
    if (scale > bestScale + 1e-12) {
      best = p;
      bestScale = scale;
    }
  }
  return best!;
}
