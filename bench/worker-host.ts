// The validation engine in a worker_threads Worker, taking its messages exactly as
// src/worker/domain.worker.ts does in the browser.
import { parentPort } from 'node:worker_threads';
import { batchingEngine } from '../src/worker/batching';
import type { ToWorker } from '../src/worker/protocol';

const port = parentPort;
if (!port) throw new Error('worker-host.ts runs inside a worker_threads Worker');
const receive = batchingEngine((reply) => port.postMessage(reply));
port.on('message', (m: ToWorker) => receive(m));
