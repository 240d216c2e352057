// Reading the syntax tree of the HCL parser (the Lezer grammar of codemirror-lang-hcl): where a
// node is in its file, its children without comments, and the parts of a block.
import type { SyntaxNode } from '@lezer/common';

export interface Source {
  readonly file: string;
  readonly text: string;
  /** Offsets of line starts, for line numbers. */
  readonly lines: number[];
}

export function sourceOf(file: string, text: string): Source {
  const lines = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.push(i + 1);
  return { file, text, lines };
}

export function lineOf(src: Source, pos: number): number {
  let lo = 0;
  let hi = src.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (src.lines[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function at(src: Source, node: SyntaxNode | number): string {
  return `${src.file}:${lineOf(src, typeof node === 'number' ? node : node.from)}`;
}

const IGNORED = /Comment$/;
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!IGNORED.test(c.name)) out.push(c);
  return out;
}

/** The first child of that name, if there is one. */
export function child(node: SyntaxNode, name: string): SyntaxNode | undefined {
  return children(node).find((c) => c.name === name);
}

export function textOf(src: Source, node: SyntaxNode): string {
  return src.text.slice(node.from, node.to);
}

function labelText(src: Source, n: SyntaxNode): string {
  const t = textOf(src, n);
  return t.startsWith('"') ? t.slice(1, -1) : t;
}

export function bodyAttributes(body: SyntaxNode | undefined, src: Source): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  if (!body) return out;
  for (const c of children(body)) {
    if (c.name !== 'Attribute') continue;
    const parts = children(c);
    const key = textOf(
      src,
      parts.find((p) => p.name === 'Identifier')!,
    );
    const expr = parts.find((p) => p.name === 'Expression');
    if (expr) out.set(key, expr);
  }
  return out;
}

export function nestedBlocks(body: SyntaxNode, src: Source, type: string): SyntaxNode[] {
  return children(body).filter(
    (c) => c.name === 'Block' && textOf(src, child(c, 'BlockType')!) === type,
  );
}

export function blockParts(block: SyntaxNode, src: Source) {
  const parts = children(block);
  return {
    type: textOf(
      src,
      parts.find((p) => p.name === 'BlockType')!,
    ),
    labels: parts.filter((p) => p.name === 'BlockLabel').map((p) => labelText(src, p)),
    body: parts.find((p) => p.name === 'Body'),
  };
}
