// The validation engine in a worker_threads Worker, batching messages as src/worker/domain.worker.ts
// does in the browser: messages that arrive together are analysed once.
import { parentPort } from 'node:worker_threads';
import { ValidationEngine } from '../src/worker/engine';
import type { ToWorker } from '../src/worker/protocol';

const port = parentPort;
if (!port) throw new Error('worker-host.ts runs inside a worker_threads Worker');
const engine = new ValidationEngine();
let queue: ToWorker[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  const reply = engine.handle(batch);
  if (reply) port!.postMessage(reply);
}

port.on('message', (m: ToWorker) => {
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setTimeout(flush, 0);
  }
});
