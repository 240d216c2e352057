// The whole of the active finding: a row shows one line of it, this its full message and the
// suggested fix (chosen clear of the fixes suggested before it), with a button to apply it.
import type { Finding, Suggestion } from '../../domain/rules/codes';
import { planIndexOf } from '../../domain/model/plan-index';
import { suggestionOps } from '../../domain/planning/fix-all';
import { useAppStore } from '../../store/app-store';
import { messageWith } from './rows';

export function ProblemDetail({
  finding,
  suggestion,
  names,
  readOnly,
}: {
  finding: Finding;
  suggestion: Suggestion | undefined;
  names: ReadonlyMap<string, string>;
  readOnly: boolean;
}) {
  return (
    // Focusable: a long message scrolls inside it, and a keyboard must reach what it scrolls to.
    <div
      className={`cc-problems__detail cc-problems__detail--${finding.severity}`}
      role="region"
      aria-label="The selected problem in full"
      tabIndex={0}
    >
      <code>{finding.code}</code> {messageWith(finding, suggestion)}
      {suggestion && (
        <span className="cc-problems__fix">
          {' '}
          Fix: set {suggestion.field} of {names.get(suggestion.object) ?? suggestion.object} to{' '}
          <code>{suggestion.value}</code>
          {!readOnly && (
            <button
              type="button"
              className="cc-button cc-button--small"
              onClick={() => {
                const s = useAppStore.getState();
                s.apply(suggestionOps(planIndexOf(s.plan), [suggestion]), {
                  label: 'Apply suggestion',
                });
              }}
            >
              Use {suggestion.value}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
