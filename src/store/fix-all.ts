// "Fix all" in the problems panel: every suggestion of one code, chosen so that none collides
// with another, applied as one edit that one undo takes back.
import { planIndexOf } from '../domain/model/plan-index';
import { chainSuggestions, suggestionOps } from '../domain/planning/fix-all';
import type { Finding, RuleCode, Suggestion } from '../domain/rules/codes';
import type { AppStore } from './store';

/** The suggestions the panel shows, one per finding, against the plan as it is now. */
export function chainedSuggestionsOf(
  store: AppStore,
  findings: readonly Finding[],
): (Suggestion | undefined)[] {
  if (!findings.some((f) => f.suggestion)) return findings.map(() => undefined);
  return chainSuggestions(planIndexOf(store.getState().plan), findings);
}

/** Applies every suggestion for findings of `code`; returns how many objects changed. */
export function fixAll(store: AppStore, code: RuleCode): number {
  const s = store.getState();
  const findings = s.analysis?.findings ?? [];
  const suggestions = chainedSuggestionsOf(store, findings);
  const mine = suggestions.filter((x, i) => x !== undefined && findings[i]!.code === code);
  const ops = suggestionOps(planIndexOf(s.plan), mine);
  if (ops.length === 0) return 0;
  if (!s.apply(ops, { label: `Fix all ${code}` })) return 0;
  s.toast(
    `${code}: changed ${ops.length} object${ops.length === 1 ? '' : 's'} · undo with Ctrl+Z`,
    'info',
  );
  return ops.length;
}
