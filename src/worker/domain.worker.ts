/// <reference lib="webworker" />
// The validation core in its own thread: the designer never waits for it.
import { ValidationEngine } from './engine';
import type { ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = new ValidationEngine();
let queue: ToWorker[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  const reply = engine.handle(batch);
  if (reply) self.postMessage(reply);
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  queue.push(e.data);
  if (!scheduled) {
    scheduled = true;
    // Let messages already on their way join this batch: one analysis for a burst of edits.
    setTimeout(flush, 0);
  }
};
