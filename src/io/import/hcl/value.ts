// What an HCL expression evaluates to, and the error for what the import cannot know: a value the
// files do not determine is Unresolved, reported at its file and line, never guessed.
import type { SyntaxNode } from '@lezer/common';
import { ImportError } from '../types';
import type { Source } from './syntax';

export type Value = string | number | boolean | null | Value[] | { [k: string]: Value } | Lazy;

/** A value computed on demand: a resource instance, whose arguments are evaluated when read. */
export interface Lazy {
  readonly lazy: true;
  attr(name: string, at: string): Value;
  readonly description: string;
}

export function isLazy(v: unknown): v is Lazy {
  return typeof v === 'object' && v !== null && (v as Lazy).lazy === true;
}

/** Names the expression can see: var, local, resources, count, each, for-expression variables. */
export interface Scope {
  lookup(name: string, node: SyntaxNode, src: Source): Value;
}

export class Unresolved extends ImportError {
  /** Whether the message already names the argument it was found in. */
  named = false;
}

export function describe(v: Value): string {
  if (isLazy(v)) return v.description;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return JSON.stringify(v);
}
