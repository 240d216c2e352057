// The designer's side of the worker: sends the plan once, then edits; drops results that a
// newer edit has already made stale; restarts the worker when it fails or hangs, reloading
// the designer's copy of the plan so that no edit is lost.
import type { PathScope } from '../domain/analyze';
import type { Plan } from '../domain/model/plan';
import type { PlanOp } from '../domain/ops/ops';
import { PageTimer, workOf, type Place } from './placement';
import type { FromWorker, ToWorker } from './protocol';

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface ClientEvents {
  result(r: Extract<FromWorker, { type: 'result' }>): void;
  state(s: { state: 'running' | 'idle' | 'paused'; message?: string; behind: number }): void;
  /** The worker failed on this plan twice in a row: something a user can send us. */
  crashed(report: { revision: number; message: string; stack?: string }): void;
}

export interface ClientOptions {
  /** How long an analysis may take before the worker is restarted. */
  timeoutMs?: number;
  createWorker?: () => WorkerLike;
  /**
   * A plan whose analysis is small (`workOf` up to `limit`) is validated in the page (`create`,
   * src/worker/in-page.ts), so that an edit's result is drawn with the edit; others in the
   * worker. A plan that grows past the limit, a wider path scope, or two page analyses in a row
   * over `slowMs` (16 ms) move it to the worker at once; it comes back when a plan is loaded.
   */
  inPage?: {
    readonly limit: number;
    readonly slowMs?: number;
    readonly create: () => WorkerLike;
  };
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./domain.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cidr-canvas-validation',
  });
}

export class ValidationClient {
  private worker: WorkerLike;
  private sent = -1;
  private answered = -1;
  private scope: PathScope = { kind: 'none' };
  /** The comparison in force, sent again to a restarted worker after the plan. */
  private comparing: { id: number; base: Plan } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private readonly timeoutMs: number;
  private readonly create: () => WorkerLike;
  private readonly inPage: ClientOptions['inPage'];
  private readonly pageTimer: PageTimer;
  private place: Place;
  /** What was sent last: only an edit's answer times the page (a load or a new scope is larger). */
  private lastSent: ToWorker['type'] = 'load';

  constructor(
    private readonly events: ClientEvents,
    private readonly currentPlan: () => { plan: Plan; revision: number },
    options: ClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.create = options.createWorker ?? defaultWorker;
    this.inPage = options.inPage;
    this.pageTimer = new PageTimer(options.inPage?.slowMs ?? 16);
    this.place = this.placeFor(currentPlan().plan, this.scope);
    this.worker = this.start();
  }

  private placeFor(plan: Plan, scope: PathScope): Place {
    return this.inPage && !this.pageTimer.outgrown && workOf(plan, scope) <= this.inPage.limit
      ? 'page'
      : 'worker';
  }

  /**
   * Validation moves to `place` when it is elsewhere: a new worker or page engine, which the
   * caller then sends the plan. False when it is there already.
   */
  private moveTo(place: Place): boolean {
    if (place === this.place) return false;
    this.stop();
    this.place = place;
    this.worker = this.start();
    return true;
  }

  private start(): WorkerLike {
    const w = this.place === 'page' ? this.inPage!.create() : this.create();
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.restart(`the validation worker stopped: ${e.message || 'unknown error'}`);
    };
    return w;
  }

  /** A plan or an edit: validation is running until its answer comes. */
  private post(m: ToWorker): void {
    if ('revision' in m) this.sent = Math.max(this.sent, m.revision);
    this.events.state({ state: 'running', behind: this.sent - this.answered });
    this.send(m);
  }

  /** Every message goes out here, timed; last, since in the page the answer can come back first. */
  private send(m: ToWorker): void {
    this.lastSent = m.type;
    this.arm();
    this.worker.postMessage(m);
  }

  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.restart(`validation took longer than ${Math.round(this.timeoutMs / 1000)} s`),
      this.timeoutMs,
    );
  }

  private receive(m: FromWorker): void {
    if (m.type === 'failed') {
      this.restart(m.message, m.stack);
      return;
    }
    this.failures = 0;
    this.answered = Math.max(this.answered, m.revision);
    if (m.revision >= this.sent) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      this.events.result(m);
      this.events.state({ state: 'idle', behind: 0 });
    }
    // Older results are stale: a newer edit is on its way and its result will replace them.
    if (this.place === 'page' && this.lastSent === 'edit' && this.pageTimer.took(m.ms))
      this.reload();
  }

  /** The designer's plan sent anew, to wherever validation is now (after a move). */
  private reload(): void {
    const { plan, revision } = this.currentPlan();
    this.moveTo(this.placeFor(plan, this.scope));
    this.post({ type: 'load', revision, plan, scope: this.scope });
    this.resendComparison();
  }

  /** The current worker (or page engine) is done with: its answers and its timeout too. */
  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.worker.terminate();
  }

  /** A new worker with the designer's plan: edits made meanwhile are in that plan, so none is lost. */
  private restart(message: string, stack?: string): void {
    this.stop();
    this.failures++;
    const { plan, revision } = this.currentPlan();
    if (this.failures >= 2) {
      this.events.crashed({ revision, message, ...(stack ? { stack } : {}) });
      this.events.state({
        state: 'paused',
        message: `Validation is paused: ${message}. Your edits are kept; the next edit tries again.`,
        behind: 0,
      });
      this.worker = this.start();
      return;
    }
    this.events.state({ state: 'paused', message: `Validation restarted: ${message}`, behind: 1 });
    this.worker = this.start();
    this.post({ type: 'load', revision, plan, scope: this.scope });
    this.resendComparison();
  }

  private resendComparison(): void {
    if (this.comparing) this.send({ type: 'compare', ...this.comparing });
  }

  /** Compares the plan with `base` from now on (null: stops); answers carry `id`. */
  compare(id: number, base: Plan | null): void {
    this.comparing = base ? { id, base } : null;
    this.send({ type: 'compare', id, base });
  }

  load(revision: number, plan: Plan, scope: PathScope = this.scope): void {
    this.scope = scope;
    this.pageTimer.reset();
    const moved = this.moveTo(this.placeFor(plan, scope));
    this.post({ type: 'load', revision, plan, scope });
    if (moved) this.resendComparison();
  }

  edit(revision: number, ops: readonly PlanOp[]): void {
    if (this.failures >= 2) {
      // The worker gave up on an earlier plan: start it over with the whole current plan.
      this.failures = 0;
      const { plan } = this.currentPlan();
      this.post({ type: 'load', revision, plan, scope: this.scope });
      this.resendComparison();
      return;
    }
    // A plan that outgrew the page goes to the worker now, before the edit that grew it is
    // analysed on the page's time; one that shrank stays until the next load.
    if (this.place === 'page' && this.placeFor(this.currentPlan().plan, this.scope) === 'worker') {
      this.reload();
      return;
    }
    this.post({ type: 'edit', revision, ops });
  }

  setScope(scope: PathScope): void {
    this.scope = scope;
    // More paths to draw than the page should trace (all of a plan's, say) go to the worker;
    // back to the page when the scope narrows again, unless the plan has outgrown it.
    if (this.placeFor(this.currentPlan().plan, scope) !== this.place) {
      this.reload();
      return;
    }
    this.send({ type: 'scope', scope });
  }

  dispose(): void {
    this.stop();
  }
}
