// The designer's side of the worker: sends the plan once, then edits; drops results that a
// newer edit has already made stale; restarts the worker when it fails or hangs, reloading
// the designer's copy of the plan so that no edit is lost.
import type { PathScope } from '../domain/analyze';
import { objectCount, type Plan } from '../domain/model/plan';
import type { PlanOp } from '../domain/ops/ops';
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
   * Plans of up to `limit` objects are validated in the page (`create`, src/worker/in-page.ts),
   * so that an edit's result is drawn with the edit; larger ones in the worker. A plan that grows
   * past the limit moves to the worker at once; one that shrinks moves back when it is loaded.
   */
  inPage?: { readonly limit: number; readonly create: () => WorkerLike };
}

type Place = 'worker' | 'page';

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
  private place: Place;

  constructor(
    private readonly events: ClientEvents,
    private readonly currentPlan: () => { plan: Plan; revision: number },
    options: ClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.create = options.createWorker ?? defaultWorker;
    this.inPage = options.inPage;
    this.place = this.placeFor(currentPlan().plan);
    this.worker = this.start();
  }

  private placeFor(plan: Plan): Place {
    return this.inPage && objectCount(plan) <= this.inPage.limit ? 'page' : 'worker';
  }

  /** Where this plan is validated; the validation moves (the plan sent anew) when that changes. */
  private moveFor(plan: Plan): boolean {
    const place = this.placeFor(plan);
    if (place === this.place) return false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.worker.terminate();
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

  private post(m: ToWorker): void {
    if ('revision' in m) this.sent = Math.max(this.sent, m.revision);
    this.arm();
    this.events.state({ state: 'running', behind: this.sent - this.answered });
    // Last: in the page the reply can come back before postMessage returns.
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
  }

  /** A new worker with the designer's plan: edits made meanwhile are in that plan, so none is lost. */
  private restart(message: string, stack?: string): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.worker.terminate();
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
    if (this.comparing) this.worker.postMessage({ type: 'compare', ...this.comparing });
  }

  /** Compares the plan with `base` from now on (null: stops); answers carry `id`. */
  compare(id: number, base: Plan | null): void {
    this.comparing = base ? { id, base } : null;
    this.worker.postMessage({ type: 'compare', id, base });
    this.arm();
  }

  load(revision: number, plan: Plan, scope: PathScope = this.scope): void {
    this.scope = scope;
    const moved = this.moveFor(plan);
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
    if (this.place === 'page') {
      const { plan } = this.currentPlan();
      if (this.placeFor(plan) === 'worker' && this.moveFor(plan)) {
        this.post({ type: 'load', revision, plan, scope: this.scope });
        this.resendComparison();
        return;
      }
    }
    this.post({ type: 'edit', revision, ops });
  }

  setScope(scope: PathScope): void {
    this.scope = scope;
    this.worker.postMessage({ type: 'scope', scope });
    this.arm();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.worker.terminate();
  }
}
