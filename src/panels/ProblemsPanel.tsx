// Every finding, with its severity, code and message. Pointing at one lights up the objects it
// names; clicking selects them and brings them into view.
import { AlertTriangle, CircleX, Info } from 'lucide-react';
import { useState } from 'react';
import type { Severity } from '../domain/rules/codes';
import { useAppStore } from '../store/app-store';
import { selectFindings } from '../store/selectors';
import { count } from './words';
import { selectionFor } from './finding-selection';

const ICONS = { error: CircleX, warning: AlertTriangle, info: Info } as const;

export function ProblemsPanel() {
  const findings = useAppStore(selectFindings);
  const validation = useAppStore((s) => s.validation);
  const [hideInfo, setHideInfo] = useState(true);
  const countOf = (s: Severity) => findings.reduce((n, f) => n + (f.severity === s ? 1 : 0), 0);
  const shown = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !(hideInfo && f.severity === 'info'));
  return (
    <section className="cc-problems" role="region" aria-label="Problems">
      <header className="cc-dock__head">
        <h2>Problems</h2>
        <span className="cc-count cc-count--error" data-count="error">
          <CircleX size={13} aria-hidden /> {count(countOf('error'), 'error')}
        </span>
        <span className="cc-count cc-count--warning" data-count="warning">
          <AlertTriangle size={13} aria-hidden /> {count(countOf('warning'), 'warning')}
        </span>
        <button
          type="button"
          className={`cc-count cc-count--info cc-toggle${hideInfo ? '' : ' is-on'}`}
          data-count="info"
          aria-pressed={!hideInfo}
          onClick={() => setHideInfo(!hideInfo)}
          title="Show or hide info"
        >
          <Info size={13} aria-hidden /> {countOf('info')} info
        </button>
        <span className="cc-spacer" />
        {validation.state === 'paused' && (
          <span className="cc-status cc-status--paused">{validation.message}</span>
        )}
      </header>
      {shown.length === 0 ? (
        <p className="cc-empty">
          {findings.length === 0
            ? 'No problems: every range fits.'
            : 'Only info findings (hidden).'}
        </p>
      ) : (
        <ul className="cc-problem-list">
          {shown.map(({ f, i }) => {
            const Icon = ICONS[f.severity];
            return (
              <li key={`${i}-${f.code}`}>
                <button
                  type="button"
                  className={`cc-problem cc-problem--${f.severity}`}
                  data-code={f.code}
                  onMouseEnter={() => useAppStore.getState().hoverFinding(i)}
                  onMouseLeave={() => useAppStore.getState().hoverFinding(null)}
                  onFocus={() => useAppStore.getState().hoverFinding(i)}
                  onBlur={() => useAppStore.getState().hoverFinding(null)}
                  onClick={() => {
                    const s = useAppStore.getState();
                    s.select(selectionFor(s.plan, f));
                    s.focus(f.objects);
                  }}
                >
                  <Icon size={14} aria-label={f.severity} />
                  <code>{f.code}</code>
                  <span className="cc-problem__msg">{f.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
