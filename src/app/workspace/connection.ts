// A workspace plan, live: the shared document kept in this browser (so edits made offline
// survive a closed tab and merge on reconnect), the live connection to the server, and
// presence. The store is bound to the document (src/store/live-binding); this module carries
// the document and the awareness over the network.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { PlanOp } from '../../domain/ops/ops';
import { bindStoreToDoc } from '../../store/live-binding';
import type { AppStore } from '../../store/store';
import { withLayout } from '../auto-layout';
import { requestFit } from '../../canvas/fit';
import { savedAuthor, withAuthor } from '../../panels/comments/author';
import { colourFor, colourIfTaken, peersFrom } from './presence';
import { isReadOnlyToken } from './link';
import { setLiveToken } from './live-token';

export interface LiveConnection {
  readonly doc: Y.Doc;
  close(): void;
}

const CURSOR_EVERY_MS = 40;

/** The reason the server gave, in the user's words. */
function refusal(reason: string): string {
  if (/permission|unauthori[sz]ed|token/i.test(reason))
    return 'The workspace refused this link’s token: ask for a new link';
  if (/no plan/i.test(reason)) return 'This plan is not in the workspace (deleted?)';
  if (/too large/i.test(reason)) return reason;
  return reason || 'The workspace closed the connection';
}

export function connectLivePlan(
  store: AppStore,
  options: { planId: string; token: string; url?: string },
): LiveConnection {
  const { planId, token } = options;
  setLiveToken(token);
  const doc = new Y.Doc();
  const s = store.getState();
  const canEdit = !isReadOnlyToken(token);
  s.setLive({
    planId,
    status: 'connecting',
    message: null,
    unsynced: 0,
    me: { id: doc.clientID, name: savedAuthor() ?? 'Guest', color: colourFor(doc.clientID) },
    peers: [],
    following: null,
    problems: [],
    canEdit,
  });
  s.setReadOnly(!canEdit);

  const binding = bindStoreToDoc(store, doc);
  let shown = false;
  /** The first time the plan is there: shown as opened, laid out where it has no boxes. */
  const showFirst = async () => {
    if (shown) return;
    shown = true;
    binding.readNow();
    const st = store.getState();
    store.setState({
      planSource: { kind: 'workspace', name: st.plan.name ?? planId },
      selection: [],
    });
    if (canEdit) {
      const laid = await withLayout(st.plan);
      const ops: PlanOp[] = [];
      for (const [id, box] of Object.entries(laid.layout ?? {}))
        if (!st.plan.layout?.[id]) ops.push({ op: 'layout', id, box });
      if (ops.length > 0) store.getState().apply(ops, { capture: 'never' });
    }
    requestFit();
  };
  const hasContent = () => doc.share.size > 0 && doc.getMap('meta').size > 0;

  let local: IndexeddbPersistence | null = null;
  try {
    if (typeof indexedDB !== 'undefined') {
      local = new IndexeddbPersistence(`cidr-canvas-live:${planId}`, doc);
      void local.whenSynced.then(() => {
        if (hasContent()) void showFirst();
      });
    }
  } catch {
    // No IndexedDB (a private window): live editing works; offline edits last until the tab closes.
    local = null;
  }

  const wsUrl =
    options.url ??
    `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/live`;
  const provider = new HocuspocusProvider({
    url: wsUrl,
    name: planId,
    document: doc,
    token,
    onStatus: ({ status }) => {
      const live = store.getState().live;
      if (!live || live.status === 'refused') return;
      const now = String(status);
      store.getState().updateLive({
        status: now === 'connected' ? 'connected' : now === 'connecting' ? 'connecting' : 'offline',
      });
    },
    onSynced: () => {
      void showFirst();
      store.getState().updateLive({ status: 'connected', message: null });
    },
    onAuthenticationFailed: ({ reason }) => {
      store.getState().updateLive({ status: 'refused', message: refusal(reason) });
      provider.disconnect();
    },
    onClose: ({ event }) => {
      // Codes 4000+ are the server's own refusals (4401 token, 4404 plan, 4413 size).
      if (event.code >= 4000) {
        store.getState().updateLive({ status: 'refused', message: refusal(event.reason) });
      } else if (store.getState().live?.status !== 'refused') {
        store.getState().updateLive({ status: 'offline' });
      }
    },
    onUnsyncedChanges: ({ number }) => store.getState().updateLive({ unsynced: number }),
  });

  const awareness = provider.awareness!;
  const me = store.getState().live!.me;
  awareness.setLocalState({
    user: { name: me.name, color: me.color },
    cursor: null,
    selection: [],
    view: null,
    reviewStep: null,
  });
  const onAwareness = () => {
    const peers = peersFrom(awareness.getStates(), doc.clientID);
    const live = store.getState().live;
    const colour = live ? colourIfTaken(live.me, peers) : null;
    store
      .getState()
      .updateLive(live && colour ? { peers, me: { ...live.me, color: colour } } : { peers });
  };
  awareness.on('change', onAwareness);
  // Others see a name: asked once, like a comment's author, and remembered.
  if (!savedAuthor())
    withAuthor((name) => {
      const live = store.getState().live;
      if (live) store.getState().updateLive({ me: { ...live.me, name } });
    });

  // This person's pointer, selection, view and review step, as they change.
  let cursorTimer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe((st, prev) => {
    if (st.selection !== prev.selection) awareness.setLocalStateField('selection', st.selection);
    if (st.myView !== prev.myView) awareness.setLocalStateField('view', st.myView);
    const step = st.review?.step ?? null;
    if (step !== (prev.review?.step ?? null)) awareness.setLocalStateField('reviewStep', step);
    if (st.myCursor !== prev.myCursor && !cursorTimer) {
      cursorTimer = setTimeout(() => {
        cursorTimer = null;
        awareness.setLocalStateField('cursor', store.getState().myCursor);
      }, CURSOR_EVERY_MS);
    }
    const me = st.live?.me;
    if (me && (me.name !== prev.live?.me.name || me.color !== prev.live?.me.color))
      awareness.setLocalStateField('user', { name: me.name, color: me.color });
  });

  return {
    doc,
    close() {
      unsubscribe();
      awareness.off('change', onAwareness);
      provider.destroy();
      binding.unbind();
      void local?.destroy();
      doc.destroy();
    },
  };
}
