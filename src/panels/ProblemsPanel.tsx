// Every finding, grouped by severity and code with counts, filtered by severity, code and object,
// one line each in a windowed list. Pointing at one lights up the objects it names; clicking (or
// Enter) selects them and brings them into view; "Fix all" applies a code's fixes as one step.
import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { Finding } from '../domain/rules/codes';
import type { RuleCode, Severity } from '../domain/rules/codes';
import { useAppStore } from '../store/app-store';
import { chainedSuggestionsOf, fixAll } from '../store/fix-all';
import { selectFindings, selectNames, selectReadOnly } from '../store/selectors';
import { selectionFor } from './finding-selection';
import { ProblemDetail } from './problems/ProblemDetail';
import { ProblemFilters } from './problems/ProblemFilters';
import { ProblemList } from './problems/ProblemList';
import type { RowActions } from './problems/ProblemRow';
import { codeCounts, problemRows, type ProblemFilter } from './problems/rows';
import './problems/problems.css';

/** Deferred like the paths list: a result shows its highlights on the canvas first. */
export function ProblemsPanel() {
  const findings = useDeferredValue(useAppStore(selectFindings));
  return <ProblemsView findings={findings} />;
}

const ProblemsView = memo(function ProblemsView({ findings }: { findings: readonly Finding[] }) {
  const names = useAppStore(selectNames);
  const readOnly = useAppStore(selectReadOnly);
  // Only the pause is shown here: the panel is not drawn again each time validation starts and ends.
  const paused = useAppStore((s) =>
    s.validation.state === 'paused' ? (s.validation.message ?? '') : null,
  );
  // Info findings (a value rounded up) are hidden until asked for, as they always were.
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(
    () => new Set<Severity>(['error', 'warning']),
  );
  const [code, setCode] = useState<RuleCode | null>(null);
  const [text, setText] = useState('');
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const filter: ProblemFilter = useMemo(
    () => ({ severities, code, text }),
    [severities, code, text],
  );
  const rows = useMemo(
    () => problemRows(findings, filter, names, closed),
    [findings, filter, names, closed],
  );
  const codes = useMemo(() => codeCounts(findings), [findings]);
  const totals = useMemo(() => {
    const t: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) t[f.severity]++;
    return t;
  }, [findings]);
  // Chosen when the findings change, against the plan they came with: each avoids the ones
  // before it, so a row's fix and "Fix all" never hand two objects the same block.
  const suggestions = useMemo(() => chainedSuggestionsOf(useAppStore, findings), [findings]);

  const actions: RowActions = {
    toggle: (key) =>
      setClosed((c) => {
        const next = new Set(c);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    activate: setActiveKey,
    open: (index) => {
      const f = findings[index];
      if (!f) return;
      const s = useAppStore.getState();
      s.select(selectionFor(s.plan, f));
      s.focus(f.objects);
    },
    hover: (index) => useAppStore.getState().hoverFinding(index),
    fixAll: (row) => {
      useAppStore.getState().hoverFinding(null);
      fixAll(useAppStore, row.code);
    },
  };

  const activeIndex = activeKey?.startsWith('f:') ? Number(activeKey.slice(2)) : -1;
  const active = rows.some((r) => r.key === activeKey) ? findings[activeIndex] : undefined;
  const filtered = code !== null || text.trim() !== '';

  return (
    <section className="cc-problems" role="region" aria-label="Problems">
      <header className="cc-dock__head">
        <h2>Problems</h2>
        <ProblemFilters
          totals={totals}
          severities={severities}
          onSeverity={(s) =>
            setSeverities((old) => {
              const next = new Set(old);
              if (!next.delete(s)) next.add(s);
              return next;
            })
          }
          codes={codes}
          code={code}
          onCode={setCode}
          text={text}
          onText={setText}
        />
        {paused !== null && <span className="cc-status cc-status--paused">{paused}</span>}
      </header>
      {rows.length === 0 ? (
        <p className="cc-empty">
          {findings.length === 0
            ? 'No problems: every range fits.'
            : filtered
              ? 'No finding matches the filter.'
              : 'Only hidden findings: press a count above to show them.'}
        </p>
      ) : (
        <ProblemList
          rows={rows}
          findings={findings}
          suggestions={suggestions}
          names={names}
          fixableOf={(row) => row.findings.filter((i) => suggestions[i] !== undefined).length}
          activeKey={activeKey}
          readOnly={readOnly}
          actions={actions}
          filterKey={filter}
        />
      )}
      {active && (
        <ProblemDetail
          finding={active}
          suggestion={suggestions[activeIndex]}
          names={names}
          readOnly={readOnly}
        />
      )}
    </section>
  );
});
