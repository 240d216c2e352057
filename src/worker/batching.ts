// How a worker takes its messages. An edit that finds the worker idle is analysed at once: a
// timer hop before it would add its delay to every keystroke's result. Messages that arrive
// while an analysis runs wait in the worker's queue; they are taken together after it, so a
// burst of edits costs one analysis for all that came meanwhile. Shared by the browser's worker
// and the benchmark's worker thread, so that the bench measures what the designer does.
import { ValidationEngine } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/** Returns the function to call with each message; replies go to `post`. */
export function batchingEngine(post: (reply: FromWorker) => void): (message: ToWorker) => void {
  const engine = new ValidationEngine();
  let queue: ToWorker[] = [];
  // From an analysis until the hop after it: what arrives meanwhile was sent during the work,
  // and the hop (a task queued behind those messages) takes it as one batch.
  let busy = false;
  const run = (batch: readonly ToWorker[]) => {
    const reply = engine.handle(batch);
    if (reply) post(reply);
  };
  const hop = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) {
      busy = false;
      return;
    }
    run(batch);
    setTimeout(hop, 0);
  };
  return (message) => {
    if (busy) {
      queue.push(message);
      return;
    }
    busy = true;
    // A plan, a scope or a comparison is usually sent with others (a load and its comparison):
    // those wait for the hop so that they are answered once.
    if (message.type === 'edit') run([message]);
    else queue.push(message);
    setTimeout(hop, 0);
  };
}
