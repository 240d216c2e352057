// The SVG elements every part of the picture is drawn with: text, rectangles and chips, each
// style an attribute of its own (no CSS), so that any SVG editor shows what the next one shows.
import type { Box } from './geometry';
import { escapeXml, fit, textWidth } from './text';

export const STATUS_COLORS = { error: '#dc2626', warning: '#d97706' } as const;
export const FONT = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MONO = "'JetBrains Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

/** A coordinate to one decimal: enough for a drawing, and the same text for the same place. */
export const n = (v: number) => String(Math.round(v * 10) / 10);

interface TextOpts {
  size: number;
  fill: string;
  weight?: number;
  mono?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  max?: number;
}

export function text(x: number, y: number, s: string, o: TextOpts): string {
  const shown = o.max !== undefined ? fit(s, o.size, o.max, o.mono, (o.weight ?? 400) >= 600) : s;
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-size="${o.size}"`,
    `fill="${o.fill}"`,
    o.weight ? `font-weight="${o.weight}"` : '',
    o.mono ? `font-family="${escapeXml(MONO)}"` : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${escapeXml(shown)}</text>`;
}

export function rect(
  b: Box,
  fill: string,
  stroke: string | null,
  opts: { rx?: number; width?: number; dash?: string } = {},
): string {
  const attrs = [
    `x="${n(b.x)}"`,
    `y="${n(b.y)}"`,
    `width="${n(b.w)}"`,
    `height="${n(b.h)}"`,
    opts.rx ? `rx="${opts.rx}"` : '',
    `fill="${fill}"`,
    stroke ? `stroke="${stroke}" stroke-width="${opts.width ?? 1}"` : '',
    opts.dash ? `stroke-dasharray="${opts.dash}"` : '',
  ].filter(Boolean);
  return `<rect ${attrs.join(' ')}/>`;
}

/** A rounded label: the chips and edge labels of the canvas. Returns the markup and its width. */
export function chip(
  x: number,
  y: number,
  s: string,
  o: { fill: string; color: string; stroke?: string; mono?: boolean; size?: number; max?: number },
): { svg: string; w: number } {
  const size = o.size ?? 11;
  const shown = o.max !== undefined ? fit(s, size, o.max - 14, o.mono, !o.mono) : s;
  const w = textWidth(shown, size, o.mono, !o.mono) + 14;
  const h = size + 7;
  const svg =
    rect({ x, y, w, h }, o.fill, o.stroke ?? null, { rx: 6 }) +
    text(x + 7, y + h / 2 + size * 0.35, shown, {
      size,
      fill: o.color,
      weight: o.mono ? undefined : 600,
      mono: o.mono,
    });
  return { svg, w };
}
