/// <reference lib="webworker" />
// The validation core in its own thread: the designer never waits for it.
import { batchingEngine } from './batching';
import type { ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const receive = batchingEngine((reply) => self.postMessage(reply));
self.onmessage = (e: MessageEvent<ToWorker>) => receive(e.data);
