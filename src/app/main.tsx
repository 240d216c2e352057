// Boot: restore the autosaved plan (or open the sample), start the validation worker and
// autosave, then draw the designer.
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parsePlanValue } from '../io/parse';
import { useAppStore } from '../store/app-store';
import { App } from './App';
import { AUTOSAVE_KEY, loadAutosave, startAutosave } from './autosave';
import { withLayout } from './open-plan';
import sample from './templates/sample.plan.json';
import { startValidation } from './validation-bridge';

function samplePlan() {
  const r = parsePlanValue(sample);
  if (!r.ok) throw new Error(`The sample plan is broken: ${r.error.path}: ${r.error.message}`);
  return r.value;
}

function boot(): void {
  const s = useAppStore.getState();
  const saved = loadAutosave();
  if (saved.kind === 'ok') {
    s.openPlan(withLayout(saved.restored.plan), { kind: 'autosave' }, { capture: 'never' });
    if (saved.restored.viewport) s.setViewport(saved.restored.viewport);
    s.setShowAllPaths(saved.restored.showAllPaths);
  } else {
    const plan = withLayout(samplePlan());
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
  startValidation();
  startAutosave();
  (window as unknown as { cidrCanvas: unknown }).cidrCanvas = { store: useAppStore };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

boot();
