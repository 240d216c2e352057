// What carries a plan object through Terraform beyond the provider's arguments: its id in a tag,
// and the object itself in a `# cidr-canvas:` comment line (docs/terraform-mapping.md).
import { attr, str, type Item } from './hcl';

/** The tag that names the plan object a resource was made from. */
export const PLAN_ID_TAG = 'cidr-canvas-id';
/** The prefix of the comment line that carries a plan object. */
export const CARRY_PREFIX = 'cidr-canvas: ';

/**
 * JSON with every character outside printable ASCII written as a `\uXXXX` escape: a comment line
 * cannot then be broken by a line separator or reordered by bidirectional controls, and reads
 * back with JSON.parse exactly.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `cidr-canvas: {"kind":"vpcs","index":0,"object":{...}}`, the text of an object's comment line:
 * the plan list it is in, its position there (the file groups subnets under their VPCs, so file
 * order is not plan order) and the object as the plan writes it.
 */
export function carryLine(kind: string, object: unknown, index?: number): string {
  return `${CARRY_PREFIX}${asciiJson(index === undefined ? { kind, object } : { kind, index, object })}`;
}

/** Reads a carried line back (for import and tests); undefined when it is not one. */
export function readCarryLine(
  line: string,
): { kind: string; index?: number; object: unknown } | undefined {
  const m = /^\s*# cidr-canvas: (\{.*\})\s*$/.exec(line);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]!) as { kind?: unknown; index?: unknown; object?: unknown };
    if (typeof v.kind !== 'string') return undefined;
    return typeof v.index === 'number'
      ? { kind: v.kind, index: v.index, object: v.object }
      : { kind: v.kind, object: v.object };
  } catch {
    return undefined;
  }
}

/** `tags = { "cidr-canvas-id" = "<id>" }`, with any further tags after it. */
export function tags(id: string, more: Readonly<Record<string, string>> = {}): Item {
  const entries = [[PLAN_ID_TAG, id], ...Object.entries(more)]
    .map(([k, v]) => `${str(k!).hcl} = ${str(v!).hcl}`)
    .join(', ');
  return attr('tags', { hcl: `{ ${entries} }` });
}
