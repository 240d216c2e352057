// The store bound to a workspace plan's shared document. This person's edits go to the document
// as the same ops the store applied (so undo stays theirs: their history holds only their ops);
// everyone else's edits, and what the browser kept offline, come back as the plan read anew
// (only the objects they touched are read again).
import type * as Y from 'yjs';
import { applyOpsToDoc } from '../collab/plan-doc';
import { DocReader } from '../collab/doc-reader';
import type { AppStore } from './store';

/** The origin of this person's own changes in the document. */
export const LOCAL_ORIGIN = 'cidr-canvas:this-person';

export interface DocBinding {
  /** Reads the document now (after it loaded or synced) and shows it as the open plan. */
  readNow(): void;
  unbind(): void;
}

export function bindStoreToDoc(store: AppStore, doc: Y.Doc): DocBinding {
  let scheduled = false;
  // Reads again only the objects a change touched: a remote edit to a large plan stays cheap.
  const reader = new DocReader(doc);
  const read = () => {
    scheduled = false;
    const { plan, problems } = reader.read();
    const s = store.getState();
    s.receivePlan(plan);
    const before = s.live?.problems ?? [];
    if (before.length !== problems.length || before.some((p, i) => p.path !== problems[i]!.path))
      s.updateLive({ problems });
  };
  // A burst of remote changes (a sync, a paste by someone else) is read once.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(read);
  };
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size === 0) return;
    // This person's own edits are in the store already; read them back only when the document
    // has parts that did not read, which the edit (a restore) may have replaced.
    if (tr.origin === LOCAL_ORIGIN && (store.getState().live?.problems.length ?? 0) === 0) return;
    schedule();
  };
  store.getState().setLiveSink((ops) => applyOpsToDoc(doc, ops, LOCAL_ORIGIN));
  doc.on('afterTransaction', onTransaction);
  return {
    readNow: read,
    unbind() {
      doc.off('afterTransaction', onTransaction);
      reader.dispose();
      store.getState().setLiveSink(null);
    },
  };
}
