// Opening a plan from a file or text: read, parsed, laid out and validated in a worker while the
// current plan stays on screen untouched, with the stage shown and a Cancel that leaves the
// current plan exactly as it was. A file that does not read says where and what, and changes
// nothing.
import type { Plan } from '../domain/model/plan';
import { useAppStore } from '../store/app-store';
import type { PlanSourceKind } from '../store/plan-slice';
import { withLayout } from './auto-layout';
import type { FromOpenWorker } from './open/open.worker';
import { useOpenProgress } from './open/progress';
import { STAGES, type OpenInput, type Stage } from './open/stage-names';

/** Plans larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Source = { kind: PlanSourceKind; name?: string };

export async function openPlan(plan: Plan, source: Source): Promise<void> {
  useAppStore.getState().openPlan(await withLayout(plan), source);
}

interface OpenWorkerLike {
  onmessage: ((e: MessageEvent<FromOpenWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(m: OpenInput): void;
  terminate(): void;
}

/** Where there are no workers (unit tests in Node) the same stages run in-process. */
function inProcessWorker(): OpenWorkerLike {
  let stopped = false;
  const w: OpenWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(input) {
      const send = (data: FromOpenWorker) => {
        if (!stopped) w.onmessage?.({ data } as MessageEvent<FromOpenWorker>);
      };
      // Loaded here, not with the page: the stages carry the whole analysis.
      void import('./open/stages')
        .then(({ runOpenStages }) =>
          runOpenStages(input, (stage) => send({ type: 'stage', stage })),
        )
        .then(
          (outcome) => send({ type: 'done', outcome }),
          (err: unknown) =>
            send({
              type: 'done',
              outcome: { ok: false, error: `the plan could not be opened (${String(err)})` },
            }),
        );
    },
    terminate() {
      stopped = true;
    },
  };
  return w;
}

function openWorker(): OpenWorkerLike {
  if (typeof Worker === 'undefined') return inProcessWorker();
  return new Worker(new URL('./open/open.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cidr-canvas-open',
  });
}

let seq = 0;
let current: { readonly id: number; readonly cancel: () => void } | null = null;

/** Stops the open in progress, if any; the current plan stays exactly as it was. */
export function cancelOpen(): void {
  current?.cancel();
}

const nextFrame = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === 'undefined'
      ? setTimeout(resolve, 0)
      : requestAnimationFrame(() => setTimeout(resolve, 0)),
  );

function openStaged(input: OpenInput, source: Source): Promise<boolean> {
  // A second file replaces the first one's opening, not the plan it would have opened.
  current?.cancel();
  const id = ++seq;
  const name = source.name ?? 'The plan';
  const progress = useOpenProgress;
  const stages = STAGES.filter((s) => s !== 'laying out');
  progress.setState({ task: { id, name, stage: 'reading', stages, startedAt: Date.now() } });
  const setStage = (stage: Stage) => {
    const t = progress.getState().task;
    if (!t || t.id !== id) return;
    const withStage = t.stages.includes(stage)
      ? t.stages
      : STAGES.filter((s) => t.stages.includes(s) || s === stage);
    progress.setState({ task: { ...t, stage, stages: withStage } });
  };
  return new Promise<boolean>((resolve) => {
    const worker = openWorker();
    const finish = (opened: boolean) => {
      worker.terminate();
      if (current?.id === id) current = null;
      if (progress.getState().task?.id === id) progress.setState({ task: null });
      resolve(opened);
    };
    current = {
      id,
      cancel: () => {
        finish(false);
        useAppStore
          .getState()
          .toast(`Stopped opening ${name}: your current plan is unchanged`, 'info');
      },
    };
    const live = () => current?.id === id;
    worker.onerror = (e) => {
      if (!live()) return;
      e.preventDefault?.();
      useAppStore
        .getState()
        .toast(
          `${name} cannot be opened: ${e.message || 'the reader stopped'}. Your current plan is unchanged.`,
          'error',
        );
      finish(false);
    };
    worker.onmessage = (e) => {
      if (!live()) return;
      const m = e.data;
      if (m.type === 'stage') {
        setStage(m.stage);
        return;
      }
      const r = m.outcome;
      if (!r.ok) {
        useAppStore
          .getState()
          .toast(`${name} cannot be opened: ${r.error}. Your current plan is unchanged.`, 'error');
        finish(false);
        return;
      }
      // Say "Drawing" on screen before the frame that swaps the plans in, which holds the page.
      setStage('drawing');
      void nextFrame().then(() => {
        if (!live()) return;
        const s = useAppStore.getState();
        s.openPlan(r.plan, source);
        const now = useAppStore.getState();
        now.setAnalysis({
          revision: now.revision,
          findings: r.findings,
          capacity: r.capacity,
          paths: [],
          ms: r.ms,
        });
        now.toast(`Opened ${source.name ?? r.plan.name ?? 'plan'}`, 'success');
        finish(true);
      });
    };
    worker.postMessage(input);
  });
}

export function openPlanText(text: string, source: Source): Promise<boolean> {
  return openStaged({ text }, source);
}

export async function openPlanFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    useAppStore
      .getState()
      .toast(
        `${file.name} is ${(file.size / 1048576).toFixed(0)} MB: plans up to ${MAX_FILE_BYTES / 1048576} MB can be opened. Your current plan is unchanged.`,
        'error',
      );
    return false;
  }
  return openStaged({ file }, { kind: 'file', name: file.name });
}
