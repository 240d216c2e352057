// The command bar's two questions of the store: what matches a query in the plan on screen, and
// "take me there" (select the object and have the canvas frame it, drawn yet or not).
import { searchIndexOf, type SearchHit } from '../domain/search/search-index';
import type { AppState, AppStore } from './store';

export function searchPlan(s: Pick<AppState, 'plan'>, query: string, limit?: number): SearchHit[] {
  return searchIndexOf(s.plan).search(query, limit);
}

/** The parent's name as a person knows it, or undefined for a top-level object. */
export function parentLabel(s: Pick<AppState, 'plan'>, hit: SearchHit): string | undefined {
  const parent = hit.entry.parent;
  if (parent === undefined) return undefined;
  const p = searchIndexOf(s.plan).entry(parent);
  return p ? (p.name ?? p.id) : parent;
}

export function jumpTo(store: AppStore, hit: SearchHit): void {
  const s = store.getState();
  s.select([hit.entry.id]);
  if (hit.entry.frame.length > 0) s.focus(hit.entry.frame);
  s.setCommandOpen(false);
}
