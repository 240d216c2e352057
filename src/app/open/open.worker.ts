// Opening a plan off the main thread: the page keeps answering (and Cancel terminates this
// worker, ELK's nested worker with it) while a large file is parsed, laid out and validated.
import type { OpenInput, Stage } from './stage-names';
import { runOpenStages, type OpenOutcome } from './stages';

export type FromOpenWorker =
  | { readonly type: 'stage'; readonly stage: Stage }
  | { readonly type: 'done'; readonly outcome: OpenOutcome };

const post = (m: FromOpenWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<OpenInput>) => {
  runOpenStages(e.data, (stage) => post({ type: 'stage', stage }))
    .then((outcome) => post({ type: 'done', outcome }))
    .catch((err: unknown) =>
      post({
        type: 'done',
        outcome: { ok: false, error: `the plan could not be opened (${String(err)})` },
      }),
    );
};
