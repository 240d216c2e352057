// Boot: open the plan last worked on from the library (or the sample), start the validation worker and
// autosave, then draw the designer.
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parsePlanValue } from '../io/parse';
import { useAppStore } from '../store/app-store';
import { App } from './App';
import { AUTOSAVE_KEY, loadAutosave, startAutosave } from './autosave';
import { withLayout } from './auto-layout';
import sample from './templates/sample.plan.json';
import { inPageWorker } from '../worker/in-page';
import { IN_PAGE_LIMIT, startValidation } from './validation-bridge';
import { readShared } from './share';
import { openPlan } from './open-plan';
import { savedPlanText, setWriteFault, startLibrary } from './library/session';
import { keepToken, readWorkspaceLink } from './workspace/link';
import { useWorkspaceDialog } from './workspace/workspace-ui';

/** A plan in the URL fragment opens read-only on top of the user's own (which undo brings back). */
async function openSharedLink(): Promise<void> {
  const shared = readShared(window.location.hash);
  const s = useAppStore.getState();
  if (shared.kind === 'none') return;
  if (shared.kind === 'broken') {
    s.toast(`${shared.message}. Your own plan is open instead.`, 'error');
    return;
  }
  await openPlan(shared.plan, {
    kind: 'link',
    ...(shared.plan.name ? { name: shared.plan.name } : {}),
  });
  s.setSharedView(true);
  s.select([]);
}

function samplePlan() {
  const r = parsePlanValue(sample);
  if (!r.ok) throw new Error(`The sample plan is broken: ${r.error.path}: ${r.error.message}`);
  return r.value;
}

/** Without IndexedDB (a private window): the plan of localStorage's autosave, or the sample. */
async function bootWithoutLibrary(): Promise<void> {
  const s = useAppStore.getState();
  const saved = loadAutosave();
  if (saved.kind === 'ok') {
    s.openPlan(await withLayout(saved.restored.plan), { kind: 'autosave' }, { capture: 'never' });
    if (saved.restored.viewport) s.setViewport(saved.restored.viewport);
    s.setShowAllPaths(saved.restored.showAllPaths);
  } else {
    const plan = await withLayout(samplePlan());
    s.openPlan(plan, { kind: 'sample' }, { capture: 'never' });
    // First run: show a cluster's paths and capacity straight away; that is the product's idea.
    if (plan.clusters[0]) s.select([plan.clusters[0].id]);
    if (saved.kind === 'unreadable') {
      // Keep the unreadable copy where it was found until the user has had a chance to save it.
      try {
        localStorage.setItem(`${AUTOSAVE_KEY}:unreadable`, saved.raw);
      } catch {
        // Storage full: the copy stays under the autosave key, which the next save overwrites.
      }
      s.setRecovery({ raw: saved.raw, reason: saved.reason });
    }
  }
  startAutosave();
}

/**
 * A workspace plan (`/p/:id#token=T`): the shared document, live; the person's own library and
 * autosave stay untouched. The workspace's front page (`/#token=T`) keeps the token and lists
 * the workspace's plans over the person's own plan.
 */
async function bootWithWorkspace(): Promise<boolean> {
  const link = readWorkspaceLink(window.location.pathname, window.location.hash);
  if (link.kind === 'none') return false;
  if (link.kind === 'home') {
    keepToken(link.token);
    // The token stays in this browser, not in the address bar (screenshots, screen sharing).
    history.replaceState(null, '', window.location.pathname + window.location.search);
    useWorkspaceDialog.getState().setOpen(true);
    return false;
  }
  if (!link.token) {
    useAppStore
      .getState()
      .toast('This workspace link has no token (#token=…): ask for the full link', 'error');
    return false;
  }
  keepToken(link.token);
  // Yjs and the provider come with a workspace plan, not with every page (about 35 kB gzipped).
  const { connectLivePlan } = await import('./workspace/connection');
  connectLivePlan(useAppStore, { planId: link.planId, token: link.token });
  return true;
}

async function boot(): Promise<void> {
  if (!(await bootWithWorkspace())) {
    const inLibrary = await startLibrary({ sample: () => withLayout(samplePlan()) });
    if (!inLibrary) await bootWithoutLibrary();
    await openSharedLink();
    window.addEventListener('hashchange', () => void openSharedLink());
  }
  // A test can ask for a short validation timeout, to see a hung worker restarted quickly, and
  // for the worker on a small plan (`?validation=worker`), to see it fail and come back.
  const query = new URLSearchParams(window.location.search);
  const timeout = Number(query.get('validationTimeout'));
  startValidation({
    ...(timeout > 0 ? { timeoutMs: timeout } : {}),
    ...(query.get('validation') === 'worker'
      ? {}
      : { inPage: { limit: IN_PAGE_LIMIT, create: inPageWorker } }),
  });
  (window as unknown as { cidrCanvas: unknown }).cidrCanvas = {
    store: useAppStore,
    library: { setWriteFault, savedPlanText },
  };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
