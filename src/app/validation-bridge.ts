// Connects the store to the validation worker: the plan goes over once, then every edit as ops;
// results come back into the analysis slice; the path scope follows the selection.
import { applyPathsDelta, patchCapacity } from '../domain/incremental/delta';
import { isCosmetic } from '../domain/ops/ops';
import { useAppStore } from '../store/app-store';
import { pathScopeOf, scopeKey } from '../store/selectors';
import { ValidationClient, type ClientOptions } from '../worker/client';
import type { PathResult } from '../domain/routing/paths';

/**
 * Plans whose analysis is this small (`workOf`: objects, times one more than the clusters whose
 * paths are drawn) are validated in the page, so an edit and its highlight are drawn in the same
 * frame: a 200-object plan with one cluster's paths is 400 and edits in about 3 ms. Larger ones
 * are validated in the worker.
 */
export const IN_PAGE_LIMIT = 1_000;

export function startValidation(options: ClientOptions = {}): () => void {
  const store = useAppStore;
  let latestPaths: readonly PathResult[] = [];
  const client = new ValidationClient(
    {
      result: (r) => {
        const prev = store.getState().analysis;
        if (store.getState().crashReport) store.getState().setCrashReport(null);
        // Paths arrive as changes to the ones the designer has.
        latestPaths = applyPathsDelta(latestPaths, r.paths);
        // The client hands over only a result that no newer edit has overtaken: the plan is
        // validated. Status, findings and paths go into the store as one update, so the toolbar
        // never says "Validated" while the panels still show the previous plan's results.
        store.getState().setAnalysis(
          {
            revision: r.revision,
            findings: r.findings ?? prev?.findings ?? [],
            capacity:
              r.capacity ??
              (r.capacityChanged
                ? patchCapacity(prev?.capacity ?? [], r.capacityChanged)
                : (prev?.capacity ?? [])),
            paths: latestPaths,
            ms: r.ms,
          },
          { state: 'idle', behind: 0 },
        );
        if (r.diff) store.getState().setCompareDiff(r.diff.compare, r.revision, r.diff.diff);
      },
      state: (s) => store.getState().setValidation(s),
      crashed: (report) => {
        store.getState().setCrashReport(report);
      },
    },
    () => ({ plan: store.getState().plan, revision: store.getState().revision }),
    options,
  );
  const initial = store.getState();
  let scope = pathScopeOf(initial);
  let key = scopeKey(scope);
  client.load(initial.revision, initial.plan, scope);

  const unsubscribeChanges = store.getState().subscribeChanges((change) => {
    if (change.ops.some((op) => op.op === 'replace')) {
      client.load(change.revision, store.getState().plan, pathScopeOf(store.getState()));
      return;
    }
    const ops = change.ops.filter((op) => !isCosmetic(op));
    if (ops.length > 0) client.edit(change.revision, ops);
  });
  let compared = initial.compare;
  if (compared) client.compare(compared.id, compared.base);
  const unsubscribeCompare = store.subscribe((s) => {
    const c = s.compare;
    if (c?.id === compared?.id) return;
    compared = c;
    client.compare(c?.id ?? 0, c?.base ?? null);
  });
  const unsubscribeScope = store.subscribe((s) => {
    const next = pathScopeOf(s);
    const k = scopeKey(next);
    if (k !== key) {
      key = k;
      scope = next;
      client.setScope(scope);
    }
  });
  return () => {
    unsubscribeChanges();
    unsubscribeScope();
    unsubscribeCompare();
    client.dispose();
  };
}
