// The worker's state, without the worker: an incremental analysis of the plan, kept up to date
// by ops. Messages that arrive together are applied together and answered once, with what
// changed rather than everything again.
import type { PathScope } from '../domain/analyze';
import { IncrementalAnalyzer } from '../domain/incremental/analyzer';
import { mergeAnalysisDeltas, type PathsDelta } from '../domain/incremental/delta';
import { isCosmetic, type PlanOp } from '../domain/ops/ops';
import { plainPath } from '../domain/routing/paths';
import { Comparison } from './compare';
import type { FromWorker, ToWorker } from './protocol';

export class ValidationEngine {
  private readonly analyzer = new IncrementalAnalyzer();
  private loaded = false;
  private revision = -1;
  private scope: PathScope = { kind: 'none' };
  private comparison: Comparison | null = null;

  /** Takes a batch of messages; returns the one message to send back, if any. */
  handle(messages: readonly ToWorker[]): FromWorker | undefined {
    try {
      const t0 = performance.now();
      let reply:
        Omit<Extract<FromWorker, { type: 'result' }>, 'type' | 'revision' | 'ms'> | undefined;
      let ops: PlanOp[] = [];
      let scope: PathScope | undefined;
      let compared = false;
      const flush = () => {
        if (ops.length === 0) return;
        const d = this.analyzer.apply(ops);
        this.comparison?.edited(this.analyzer, ops, d);
        ops = [];
        reply = mergeAnalysisDeltas(reply, d);
      };
      for (const m of messages) {
        if (m.type === 'load') {
          ops = [];
          scope = undefined;
          reply = this.analyzer.load(m.plan, m.scope);
          this.scope = m.scope;
          this.comparison?.loaded();
          this.loaded = true;
          this.revision = m.revision;
        } else if (m.type === 'compare') {
          flush();
          if (scope) {
            reply = mergeAnalysisDeltas(reply, this.analyzer.setScope(scope));
            this.scope = scope;
            scope = undefined;
          }
          compared = true;
          this.comparison = m.base ? new Comparison(m.id, m.base, this.scope) : null;
        } else if (m.type === 'edit') {
          if (!this.loaded) throw new Error('an edit arrived before any plan');
          ops.push(...m.ops);
          this.revision = m.revision;
        } else {
          flush();
          scope = m.scope;
        }
      }
      flush();
      if (scope) {
        reply = mergeAnalysisDeltas(reply, this.analyzer.setScope(scope));
        this.scope = scope;
        this.comparison?.scoped(scope);
      }
      const c = this.comparison;
      const tc = performance.now();
      const diff = c && this.loaded ? c.take(this.analyzer) : undefined;
      const withDiff =
        c && diff ? { diff: { compare: c.id, diff, ms: performance.now() - tc } } : {};
      if (!reply && (diff || compared))
        reply = { paths: { kind: 'some', changed: [], removed: [], order: null } };
      if (!reply) return undefined;
      const onlyCosmetic =
        reply.findings === undefined &&
        reply.capacity === undefined &&
        reply.capacityChanged === undefined &&
        reply.paths.kind === 'some' &&
        reply.paths.changed.length === 0 &&
        reply.paths.removed.length === 0 &&
        reply.paths.order === null;
      if (onlyCosmetic && messages.every((m) => m.type === 'edit' && m.ops.every(isCosmetic)))
        return undefined;
      return {
        type: 'result',
        revision: this.revision,
        ...reply,
        paths: plainPaths(reply.paths),
        ms: performance.now() - t0,
        ...withDiff,
      };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return {
        type: 'failed',
        revision: this.revision,
        message: err.message,
        ...(err.stack ? { stack: err.stack } : {}),
      };
    }
  }
}

/**
 * The paths as plain objects: a reply is copied to the page, and a copy keeps only own fields
 * (a path filled from a template writes its message when read).
 */
function plainPaths(d: PathsDelta): PathsDelta {
  return d.kind === 'all'
    ? { kind: 'all', paths: d.paths.map(plainPath) }
    : { ...d, changed: d.changed.map(plainPath) };
}
