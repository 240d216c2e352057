// How a worker takes its messages: those that arrive together are analysed once, so a burst of
// edits costs one analysis. Shared by the browser's worker and the benchmark's worker thread,
// so that the bench measures what the designer does.
import { ValidationEngine } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/** Returns the function to call with each message; replies go to `post`. */
export function batchingEngine(post: (reply: FromWorker) => void): (message: ToWorker) => void {
  const engine = new ValidationEngine();
  let queue: ToWorker[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const reply = engine.handle(batch);
    if (reply) post(reply);
  };
  return (message) => {
    queue.push(message);
    if (!scheduled) {
      scheduled = true;
      // Let messages already on their way join this batch.
      setTimeout(flush, 0);
    }
  };
}
