// The Changes panel's groups as plain lines: what each says and what clicking it selects and
// frames. Kept apart from React so that the grouping is tested on its own.
import type { PlanDiff } from '../../domain/diff/diff';
import { pathKey } from '../../domain/incremental/delta';
import type { DiffKind } from '../../domain/diff/objects';
import { KIND_WORDS } from '../../ui/kind-words';
import type { Verdict } from '../../domain/routing/paths';

export type GroupKey =
  'added' | 'removed' | 'changed' | 'introduced' | 'resolved' | 'paths' | 'capacity';

export interface ChangeLine {
  readonly key: string;
  readonly text: string;
  readonly detail?: string;
  /** Objects to select (present in the current plan). */
  readonly select: readonly string[];
  /** A removed object whose ghost to frame. */
  readonly removed?: string;
  /** Objects to frame. */
  readonly frame: readonly string[];
  readonly path?: string;
  readonly tone?: 'error' | 'warning' | 'good';
}

export interface ChangeGroup {
  readonly key: GroupKey;
  readonly title: string;
  readonly lines: readonly ChangeLine[];
}

const VERDICT: Readonly<Record<Verdict, string>> = {
  direct: 'direct',
  snat: 'SNAT',
  unreachable: 'unreachable',
};

/** A field's value as a person reads it in one line. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
    return v.length === 0 ? '(none)' : v.join(', ');
  return JSON.stringify(v);
}

/**
 * `name` finds an id's name in the current plan, then in the base. `present` says whether the
 * current plan holds an object (a finding of the base may name objects since removed).
 */
export function changeGroups(
  diff: PlanDiff,
  name: (id: string) => string,
  present: (id: string) => boolean,
): ChangeGroup[] {
  const here = (ids: readonly string[]) => ids.filter(present);
  const objectLine = (o: { id: string; kind: DiffKind }) => ({
    key: `${o.kind}:${o.id}`,
    text: `${KIND_WORDS[o.kind]} ${name(o.id)}`,
  });
  return [
    {
      key: 'added',
      title: 'Added',
      lines: diff.objects.added.map((o) => ({
        ...objectLine(o),
        select: here([o.id]),
        frame: [o.id],
        tone: 'good',
      })),
    },
    {
      key: 'removed',
      title: 'Removed',
      lines: diff.objects.removed.map((o) => ({
        ...objectLine(o),
        select: [],
        removed: o.id,
        frame: [],
      })),
    },
    {
      key: 'changed',
      title: 'Changed',
      lines: diff.objects.changed.map((o) => ({
        ...objectLine(o),
        detail: o.fields
          .map((f) => `${f.field}: ${showValue(f.before)} → ${showValue(f.after)}`)
          .join('; '),
        select: here([o.id]),
        frame: [o.id],
        tone: 'warning',
      })),
    },
    {
      key: 'introduced',
      title: 'Findings introduced',
      lines: diff.findings.introduced.map((f, i) => ({
        key: `in:${i}:${f.code}`,
        text: f.code,
        detail: f.message,
        select: here(f.objects),
        frame: here(f.objects),
        tone: f.severity === 'error' ? 'error' : 'warning',
      })),
    },
    {
      key: 'resolved',
      title: 'Findings resolved',
      lines: diff.findings.resolved.map((f, i) => ({
        key: `out:${i}:${f.code}`,
        text: f.code,
        detail: f.message,
        select: here(f.objects),
        frame: here(f.objects),
        tone: 'good',
      })),
    },
    {
      key: 'paths',
      title: 'Paths changed',
      lines: diff.paths.changed.map((p) => ({
        key: pathKey(p),
        text: `${name(p.from)} → ${name(p.to)}`,
        detail: `${p.before ? VERDICT[p.before] : 'new'} → ${p.after ? VERDICT[p.after] : 'gone'}${
          p.reasonAfter ? ` (${p.reasonAfter})` : ''
        }`,
        select: here([p.from]),
        frame: here([p.from, p.to]),
        path: pathKey(p),
        tone: p.worse ? 'error' : 'good',
      })),
    },
    {
      key: 'capacity',
      title: 'Capacity changed',
      lines: diff.capacity.changed.map((c) => ({
        key: `${c.cluster}:${c.field}`,
        text: `${name(c.cluster)} ${c.field}`,
        detail: `${showValue(c.before)} → ${showValue(c.after)}`,
        select: here([c.cluster]),
        frame: here([c.cluster]),
      })),
    },
  ];
}
