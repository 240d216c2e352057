// The diff of a plan being edited against a fixed earlier plan, kept up to date edit by edit.
// A full diff of two 100,000-object plans walks every object and every path (about a second);
// an edit touches a few objects and the analyzer says which paths moved, so only those are
// compared again. live.test.ts holds it to diffAnalyzed after any sequence of edits.
import type { Analysis } from '../analyze';
import type { ClusterCapacity } from '../capacity/capacity';
import { patchCapacity, pathKey, type PathsDelta } from '../incremental/delta';
import { COLLECTIONS, KIND_OF_COLLECTION, type Collection, type Plan } from '../model/plan';
import type { PlanOp } from '../ops/ops';
import type { Finding } from '../rules/codes';
import type { PathResult } from '../routing/paths';
import {
  diffCapacity,
  diffFindings,
  isWorse,
  planDiff,
  type PathChange,
  type PlanDiff,
} from './diff';
import { fieldChanges, type DiffKind, type ObjectChange, type ObjectRef } from './objects';

type Obj = Readonly<Record<string, unknown>> & { readonly id: string };
interface Held {
  readonly kind: DiffKind;
  readonly obj: Obj;
}

/** The lists of objects with ids, by the kind each holds. */
function listsOf(plan: Plan): [DiffKind, readonly Obj[]][] {
  return [
    ...COLLECTIONS.map(
      (c) => [KIND_OF_COLLECTION[c], plan[c] as unknown as readonly Obj[]] as [DiffKind, Obj[]],
    ),
    ['reservation', (plan.reservations ?? []) as unknown as readonly Obj[]],
    ['comment', (plan.comments ?? []) as unknown as readonly Obj[]],
  ];
}

function objectsById(plan: Plan): Map<string, Held> {
  const out = new Map<string, Held>();
  for (const [kind, list] of listsOf(plan)) for (const obj of list) out.set(obj.id, { kind, obj });
  return out;
}

/** What an edit batch did to the analysis, as the incremental analyzer reports it. */
export interface AnalysisUpdate {
  readonly findings?: readonly Finding[];
  readonly capacity?: readonly ClusterCapacity[];
  readonly capacityChanged?: readonly ClusterCapacity[];
  readonly paths: PathsDelta;
}

export class LiveDiff {
  private readonly baseObjects: Map<string, Held>;
  private basePaths = new Map<string, PathResult>();
  private baseAnalysis: Analysis;
  private current = new Map<string, Held>();
  private readonly added = new Map<string, ObjectRef>();
  private readonly removed = new Map<string, ObjectRef>();
  private readonly changed = new Map<string, ObjectChange>();
  private readonly pathChanges = new Map<string, PathChange>();
  private findings: readonly Finding[] = [];
  private capacity: readonly ClusterCapacity[] = [];
  private findingsDiff: PlanDiff['findings'] = { introduced: [], resolved: [] };

  constructor(
    readonly base: Plan,
    baseAnalysis: Analysis,
  ) {
    this.baseObjects = objectsById(base);
    this.baseAnalysis = baseAnalysis;
    this.indexBasePaths();
  }

  private indexBasePaths(): void {
    this.basePaths = new Map();
    for (const p of this.baseAnalysis.paths) {
      const k = pathKey(p);
      if (!this.basePaths.has(k)) this.basePaths.set(k, p);
    }
  }

  /** Both plans' paths for another scope (findings, capacity and objects stay). */
  rescope(basePaths: readonly PathResult[], paths: readonly PathResult[]): PlanDiff {
    this.baseAnalysis = { ...this.baseAnalysis, paths: basePaths };
    this.indexBasePaths();
    this.resetPaths(paths);
    return this.result();
  }

  /** Compares the whole current plan: when the comparison starts or a plan is opened. */
  reset(plan: Plan, analysis: Analysis): PlanDiff {
    this.current = objectsById(plan);
    this.added.clear();
    this.removed.clear();
    this.changed.clear();
    for (const id of this.baseObjects.keys()) this.compareObject(id);
    for (const id of this.current.keys()) if (!this.baseObjects.has(id)) this.compareObject(id);
    this.findings = analysis.findings;
    this.capacity = analysis.capacity;
    this.findingsDiff = diffFindings(this.baseAnalysis.findings, this.findings);
    this.resetPaths(analysis.paths);
    return this.result();
  }

  private resetPaths(paths: readonly PathResult[]): void {
    this.pathChanges.clear();
    const seen = new Set<string>();
    for (const p of paths) {
      const k = pathKey(p);
      if (seen.has(k)) continue;
      seen.add(k);
      this.comparePath(k, p);
    }
    for (const k of this.basePaths.keys()) if (!seen.has(k)) this.comparePath(k, undefined);
  }

  /** Takes the ops applied since the last call and what they did to the analysis. */
  update(plan: Plan, ops: readonly PlanOp[], delta: AnalysisUpdate): PlanDiff {
    if (ops.some((o) => o.op === 'replace')) {
      throw new Error('LiveDiff.update takes edits; a replaced plan needs reset()');
    }
    const touched = new Set<string>();
    const lists = new Set<Collection | 'reservations' | 'comments'>();
    for (const op of ops) {
      if (op.op === 'insert') {
        touched.add(op.object.id);
        lists.add(op.collection);
      } else if (op.op === 'remove' || op.op === 'update') {
        touched.add(op.id);
        lists.add(op.collection);
      } else if (op.op === 'reservation') {
        touched.add(op.id);
        lists.add('reservations');
      } else if (op.op === 'comment') {
        touched.add(op.id);
        lists.add('comments');
      }
    }
    if (touched.size > 0) {
      // Where the touched objects are now: one walk over each list an op touched.
      const found = new Map<string, Held>();
      for (const l of lists) {
        const kind: DiffKind =
          l === 'reservations'
            ? 'reservation'
            : l === 'comments'
              ? 'comment'
              : KIND_OF_COLLECTION[l];
        const list = (plan[l] ?? []) as unknown as readonly Obj[];
        for (const obj of list) if (touched.has(obj.id)) found.set(obj.id, { kind, obj });
      }
      for (const id of touched) {
        const now = found.get(id);
        if (now) this.current.set(id, now);
        else this.current.delete(id);
        this.compareObject(id);
      }
    }
    if (delta.findings) {
      this.findings = delta.findings;
      this.findingsDiff = diffFindings(this.baseAnalysis.findings, this.findings);
    }
    if (delta.capacity) this.capacity = delta.capacity;
    else if (delta.capacityChanged)
      this.capacity = patchCapacity(this.capacity, delta.capacityChanged);
    const d = delta.paths;
    if (d.kind === 'all') this.resetPaths(d.paths);
    else {
      for (const k of d.removed) this.comparePath(k, undefined);
      for (const p of d.changed) this.comparePath(pathKey(p), p);
    }
    return this.result();
  }

  private compareObject(id: string): void {
    const b = this.baseObjects.get(id);
    const c = this.current.get(id);
    this.added.delete(id);
    this.removed.delete(id);
    this.changed.delete(id);
    if (b && c && b.kind === c.kind) {
      if (b.obj === c.obj) return;
      const fields = fieldChanges(b.obj, c.obj);
      if (fields.length > 0) this.changed.set(id, { id, kind: c.kind, fields });
      return;
    }
    if (b) this.removed.set(id, { id, kind: b.kind });
    if (c) this.added.set(id, { id, kind: c.kind });
  }

  /** `now` undefined: the path is gone from the current plan. */
  private comparePath(key: string, now: PathResult | undefined): void {
    const o = this.basePaths.get(key);
    this.pathChanges.delete(key);
    if (now && o && o.verdict === now.verdict) return;
    if (!now && !o) return;
    const p = now ?? o!;
    const before = o?.verdict ?? null;
    const after = now?.verdict ?? null;
    this.pathChanges.set(key, {
      from: p.from,
      to: p.to,
      before,
      after,
      reasonBefore: o?.reason ?? null,
      reasonAfter: now?.reason ?? null,
      worse: isWorse(before, after),
    });
  }

  private result(): PlanDiff {
    const objects = {
      added: [...this.added.values()],
      removed: [...this.removed.values()],
      changed: [...this.changed.values()],
    };
    const paths = [...this.pathChanges.values()];
    const { introduced, resolved } = this.findingsDiff;
    return planDiff(
      objects,
      introduced,
      resolved,
      paths,
      diffCapacity(this.baseAnalysis.capacity, this.capacity),
    );
  }
}
