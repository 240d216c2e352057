// The panel's header: counts per severity that also show or hide that severity, a code filter
// and a filter on the names and ids of the objects a finding names.
import { AlertTriangle, CircleX, Info } from 'lucide-react';
import type { RuleCode, Severity } from '../../domain/rules/codes';
import { count } from '../words';

const CHIPS = [
  { severity: 'error', Icon: CircleX, noun: 'error' },
  { severity: 'warning', Icon: AlertTriangle, noun: 'warning' },
  { severity: 'info', Icon: Info, noun: 'info' },
] as const;

export function ProblemFilters({
  totals,
  severities,
  onSeverity,
  codes,
  code,
  onCode,
  text,
  onText,
}: {
  totals: Readonly<Record<Severity, number>>;
  severities: ReadonlySet<Severity>;
  onSeverity: (s: Severity) => void;
  codes: readonly [RuleCode, number][];
  code: RuleCode | null;
  onCode: (c: RuleCode | null) => void;
  text: string;
  onText: (t: string) => void;
}) {
  // A chosen code whose findings are all fixed stays chosen (with 0) rather than jump to "all".
  const choices: [RuleCode, number][] =
    code !== null && !codes.some(([c]) => c === code) ? [...codes, [code, 0]] : [...codes];
  return (
    <div className="cc-problems__filters">
      {CHIPS.map(({ severity, Icon, noun }) => (
        <button
          key={severity}
          type="button"
          className={`cc-count cc-count--${severity} cc-toggle${severities.has(severity) ? ' is-on' : ''}`}
          data-count={severity}
          aria-pressed={severities.has(severity)}
          onClick={() => onSeverity(severity)}
          title={`Show or hide ${noun === 'info' ? 'info findings' : `${noun}s`}`}
        >
          <Icon size={13} aria-hidden />{' '}
          {noun === 'info'
            ? `${totals.info.toLocaleString('en-US')} info`
            : count(totals[severity], noun)}
        </button>
      ))}
      {/* Nothing to filter in a plan without findings. */}
      {codes.length + (code === null ? 0 : 1) > 0 && (
        <span className="cc-problems__find">
          <select
            className="cc-problems__code"
            aria-label="Filter by code"
            value={code ?? ''}
            onChange={(e) => onCode(e.target.value === '' ? null : (e.target.value as RuleCode))}
          >
            <option value="">All codes</option>
            {choices.map(([c, n]) => (
              <option key={c} value={c}>
                {c} ({n.toLocaleString('en-US')})
              </option>
            ))}
          </select>
          <input
            type="search"
            className="cc-problems__text"
            aria-label="Filter by object"
            placeholder="Object name or id"
            value={text}
            onChange={(e) => onText(e.target.value)}
          />
        </span>
      )}
    </div>
  );
}
