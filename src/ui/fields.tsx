// Form fields that refuse bad input where it is typed: a value reaches the plan only once it
// parses; until then the field shows what is wrong, and the plan keeps its last good value.
// On a large plan a text field writes when typing pauses, so that keys never wait for the canvas.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export type Check<T> = (text: string) => { ok: true; value: T } | { ok: false; error: string };

interface BaseProps {
  label: string;
  hint?: string;
  disabled?: boolean;
  onDone?: () => void;
}

function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`cc-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <div className="cc-field__error" role="alert" id={`${id}-error`}>
          {error}
        </div>
      ) : hint ? (
        <div className="cc-field__hint">{hint}</div>
      ) : null}
    </div>
  );
}

/**
 * How long a field waits after the last key before writing to the plan, once writes are slow
 * (a large plan: every write re-renders the canvas and what reads the plan). The text on screen
 * and its own check follow every key at once; the plan, the canvas and the validation follow
 * when typing pauses, on Enter and when the field is left.
 */
export const SLOW_WRITE_DEBOUNCE_MS = 300;

/** Fields holding typed text not yet written to the plan, by their write-now function. */
const holding = new Set<() => void>();

/**
 * Writes what every field holds to the plan now: before the plan is saved for another tab or
 * handed over, typed text must be in it (it would otherwise be written after, and lost).
 */
export function commitPendingFields(): void {
  for (const write of [...holding]) write();
}
/**
 * A write that holds the page longer than this makes the fields wait for typing to pause. Below
 * it the highlight of a conflict showing at once is worth a key taking a few frames.
 */
const SLOW_WRITE_MS = 50;
/** What the last write cost, until the page was free again. Shared: the plan is the same. */
let lastWriteMs = 0;

/**
 * Whether writes are to be expected slow before one has been measured: on a plan that opens
 * large, even the first key of the first edit should not wait for the canvas.
 */
export function expectSlowWrites(slow: boolean): void {
  lastWriteMs = slow ? Math.max(lastWriteMs, SLOW_WRITE_MS + 1) : 0;
}

/** A text input whose text is checked on every keystroke and written only when it passes. */
export function CheckedField<T>(
  props: BaseProps & {
    value: string;
    check: Check<T>;
    onValue: (v: T) => void;
    placeholder?: string;
    multiline?: boolean;
    mono?: boolean;
  },
) {
  const id = useId();
  const [draft, setDraft] = useState<{ text: string; error?: string } | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const pending = useRef<{ text: string; value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const write = (value: T) => {
    const t0 = performance.now();
    latest.current.onValue(value);
    // React renders the change in a microtask the write queued: one queued after it sees the
    // write's own cost. (The next task would also count whatever else was waiting, such as a
    // validation result or, on a busy machine, a core, and make typing wait for nothing.)
    queueMicrotask(() => (lastWriteMs = performance.now() - t0));
  };
  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    holding.delete(flushNow);
    const p = pending.current;
    pending.current = null;
    if (!p) return;
    if (p.text !== latest.current.value) write(p.value);
    // The plan now holds what was typed: show it from there, unless more was typed since.
    setDraft((d) => (d && d.text === p.text && d.error === undefined ? null : d));
  };
  const flushLater = useRef(flush);
  const flushNow = useRef(() => flushLater.current()).current;
  useLayoutEffect(() => {
    flushLater.current = flush;
  });
  // A field that goes away (another object selected) keeps what was typed in it.
  useEffect(() => () => flushLater.current(), []);
  const text = draft?.text ?? props.value;
  const onText = (t: string) => {
    const r = props.check(t);
    if (!r.ok) {
      clearTimeout(timer.current);
      pending.current = null;
      holding.delete(flushNow);
      setDraft({ text: t, error: r.error });
    } else if (lastWriteMs <= SLOW_WRITE_MS && !pending.current) {
      setDraft(null);
      if (t !== props.value) write(r.value);
    } else {
      setDraft({ text: t });
      pending.current = { text: t, value: r.value };
      holding.add(flushNow);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flushLater.current(), SLOW_WRITE_DEBOUNCE_MS);
    }
  };
  const error = draft?.error;
  const common = {
    id,
    value: text,
    placeholder: props.placeholder,
    disabled: props.disabled,
    spellCheck: false,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    className: props.mono ? 'cc-mono' : undefined,
    onBlur: () => {
      flush();
      props.onDone?.();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        if (error) setDraft(null);
        (e.target as HTMLElement).blur();
      } else if (e.key === 'Enter' && !props.multiline) {
        flush();
      }
    },
  };
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={error}>
      {props.multiline ? (
        <textarea
          {...common}
          rows={Math.min(6, Math.max(2, text.split('\n').length + 1))}
          onChange={(e) => onText(e.target.value)}
        />
      ) : (
        <input {...common} type="text" onChange={(e) => onText(e.target.value)} />
      )}
    </FieldShell>
  );
}

export function SelectField(
  props: BaseProps & {
    value: string;
    options: ReadonlyArray<{ value: string; label: string }>;
    onValue: (v: string) => void;
  },
) {
  const id = useId();
  return (
    <FieldShell id={id} label={props.label} hint={props.hint}>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onValue(e.target.value)}
        onBlur={() => props.onDone?.()}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(
  props: BaseProps & { value: boolean; onValue: (v: boolean) => void },
) {
  const id = useId();
  return (
    <div className="cc-field cc-field--check">
      <input
        id={id}
        type="checkbox"
        checked={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onValue(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <div className="cc-field__hint">{props.hint}</div>}
    </div>
  );
}

/** Above this many options a checkbox list gets a filter: two hundred subnets are no list to scan. */
export const FILTER_OPTIONS_ABOVE = 8;

export function MultiCheckField(
  props: BaseProps & {
    value: readonly string[];
    options: ReadonlyArray<{ value: string; label: string }>;
    onValue: (v: string[]) => void;
  },
) {
  const id = useId();
  const [query, setQuery] = useState('');
  const toggle = (v: string, on: boolean) => {
    const next = on ? [...props.value, v] : props.value.filter((x) => x !== v);
    props.onValue(next);
  };
  const filterable = props.options.length > FILTER_OPTIONS_ABOVE;
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown =
    filterable && words.length > 0
      ? props.options.filter((o) => {
          const text = `${o.label} ${o.value}`.toLowerCase();
          return words.every((w) => text.includes(w));
        })
      : props.options;
  const chosen = new Set(props.value);
  const allShownChosen = shown.length > 0 && shown.every((o) => chosen.has(o.value));
  const chooseShown = (on: boolean) => {
    const these = new Set(shown.map((o) => o.value));
    props.onValue(
      on
        ? [...props.value, ...shown.map((o) => o.value).filter((v) => !chosen.has(v))]
        : props.value.filter((v) => !these.has(v)),
    );
  };
  return (
    <fieldset className="cc-field cc-field--multi" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{props.label}</legend>
      {props.options.length === 0 && (
        <div className="cc-field__hint">{props.hint ?? 'Nothing to choose from yet'}</div>
      )}
      {filterable && (
        <div className="cc-field__filter">
          <input
            type="search"
            value={query}
            placeholder="Filter by name or CIDR"
            aria-label={`Filter ${props.label.toLowerCase()}`}
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button
            type="button"
            className="cc-button cc-button--small"
            disabled={props.disabled || shown.length === 0}
            onClick={() => chooseShown(!allShownChosen)}
          >
            {allShownChosen ? 'Clear' : 'Select'} {words.length > 0 ? 'shown' : 'all'} (
            {shown.length})
          </button>
          <div className="cc-field__hint" aria-live="polite">
            {props.value.length} chosen
            {words.length > 0 ? ` · ${shown.length} of ${props.options.length} shown` : ''}
          </div>
        </div>
      )}
      <div
        className={filterable ? 'cc-field__options cc-field__options--long' : 'cc-field__options'}
      >
        {shown.map((o) => (
          <label key={o.value} className="cc-field__option">
            <input
              type="checkbox"
              checked={chosen.has(o.value)}
              disabled={props.disabled}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
        {filterable && shown.length === 0 && (
          <div className="cc-field__hint">Nothing matches “{query.trim()}”</div>
        )}
      </div>
    </fieldset>
  );
}
