// The validation core in the page's own thread, for plans small enough that an edit's analysis
// costs a millisecond or two. A worker's reply is a task of its own, and the browser draws the
// edit's frame before it: the highlight then came one frame (16.7 ms) after the edit. Here the
// reply comes back while the keystroke's task still runs, so the edit and what it broke are
// drawn in the same frame. Large plans stay in the worker (`ValidationClient`'s `inPage.limit`),
// where a long analysis cannot hold up the page.
//
// It speaks the worker's protocol and copies every message both ways, as postMessage does: the
// client cannot tell the two apart, and the store never shares an object with the engine.
import type { batchingEngine } from './batching';
import type { WorkerLike } from './client';
import type { FromWorker, ToWorker } from './protocol';

type Receive = (message: ToWorker) => void;

// The engine is loaded when the first small plan needs it, not with the page: it is the size of
// the worker's bundle, which the initial bundle does not carry.
let engineModule: Promise<{ batchingEngine: typeof batchingEngine }> | undefined;

export function inPageWorker(): WorkerLike {
  let closed = false;
  let receive: Receive | undefined;
  const pending: ToWorker[] = [];
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (closed) return;
      const copy = structuredClone(message);
      if (receive) receive(copy);
      else pending.push(copy);
    },
    terminate() {
      closed = true;
      pending.length = 0;
    },
  };
  const deliver = (reply: FromWorker) => {
    if (closed) return;
    const data = structuredClone(reply);
    try {
      w.onmessage?.({ data } as MessageEvent<FromWorker>);
    } catch (e) {
      // A worker's message handler fails in its own task; so does this one, not the edit's.
      setTimeout(() => {
        throw e;
      });
    }
  };
  engineModule ??= import('./batching');
  engineModule.then(
    (module) => {
      if (closed) return;
      receive = module.batchingEngine(deliver);
      for (const m of pending.splice(0)) receive(m);
    },
    (e: unknown) => {
      engineModule = undefined;
      if (!closed)
        w.onerror?.({
          message: `the validation core did not load: ${e instanceof Error ? e.message : String(e)}`,
        } as ErrorEvent);
    },
  );
  return w;
}
