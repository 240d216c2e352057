// One row of the problems list: a severity header, a code header (with "Fix all"), or a finding
// on one line: the object's name and the message, the whole message on hover and below the list.
import { AlertTriangle, ChevronDown, ChevronRight, CircleX, Info } from 'lucide-react';
import type { FocusEvent, ReactNode } from 'react';
import { RULES, type Finding } from '../../domain/rules/codes';
import type { ProblemRow } from './rows';

const ICONS = { error: CircleX, warning: AlertTriangle, info: Info } as const;
const SEVERITY_NAMES = { error: 'Errors', warning: 'Warnings', info: 'Info' } as const;

/**
 * Focus from the keyboard makes a row the active one (and shows its detail below the list); a
 * click does so on click. Were a press of the mouse to do it, the detail would appear under the
 * pointer between press and release, and the click would land on it instead of the row.
 */
function keyboardFocus(e: FocusEvent<HTMLElement>): boolean {
  return e.currentTarget.matches(':focus-visible');
}

/** A group's header: folds or unfolds the group, and is the active row once clicked or focused. */
function FoldButton({
  row,
  className,
  group,
  tab,
  actions,
  children,
}: {
  row: ProblemRow & { kind: 'severity' | 'code' };
  className: string;
  group: string;
  tab: number;
  actions: RowActions;
  children: ReactNode;
}) {
  const Chevron = row.open ? ChevronDown : ChevronRight;
  return (
    <button
      type="button"
      className={className}
      data-row-key={row.key}
      data-group={group}
      tabIndex={tab}
      aria-expanded={row.open}
      onClick={() => {
        actions.activate(row.key);
        actions.toggle(row.key);
      }}
      onFocus={(e) => keyboardFocus(e) && actions.activate(row.key)}
    >
      <Chevron size={14} aria-hidden />
      {children}
    </button>
  );
}

export interface RowActions {
  toggle(key: string): void;
  activate(key: string): void;
  open(index: number): void;
  hover(index: number | null): void;
  fixAll(code: ProblemRow & { kind: 'code' }): void;
}

export function ProblemRowView({
  row,
  finding,
  message,
  name,
  fixable,
  tabbable,
  active,
  readOnly,
  actions,
}: {
  row: ProblemRow;
  finding?: Finding;
  /** The finding's message, naming the fix chosen for it. */
  message?: string;
  /** The name of the finding's first object. */
  name?: string;
  /** How many of a code group's findings have a fix. */
  fixable?: number;
  tabbable: boolean;
  active: boolean;
  readOnly: boolean;
  actions: RowActions;
}) {
  const tab = tabbable ? 0 : -1;
  if (row.kind === 'severity') {
    const Icon = ICONS[row.severity];
    return (
      <FoldButton
        row={row}
        className={`cc-prow cc-prow--severity cc-prow--${row.severity}${active ? ' is-active' : ''}`}
        group={row.severity}
        tab={tab}
        actions={actions}
      >
        <Icon size={14} aria-hidden />
        <span>{SEVERITY_NAMES[row.severity]}</span>
        <span className="cc-prow__count">{row.count.toLocaleString('en-US')}</span>
      </FoldButton>
    );
  }
  if (row.kind === 'code') {
    return (
      <div className={`cc-prow cc-prow--code cc-prow--${row.severity}`}>
        <FoldButton
          row={row}
          className={`cc-prow__toggle${active ? ' is-active' : ''}`}
          group={row.code}
          tab={tab}
          actions={actions}
        >
          <code>{row.code}</code>
          <span className="cc-prow__title">{RULES[row.code].title}</span>
          <span className="cc-prow__count">{row.count.toLocaleString('en-US')}</span>
        </FoldButton>
        {!readOnly && fixable !== undefined && fixable > 0 && (
          <button
            type="button"
            className="cc-button cc-button--small cc-prow__fix"
            tabIndex={tab}
            title={`Apply the ${fixable.toLocaleString('en-US')} suggested fixes, each clear of the others, as one step: Ctrl+Z undoes them all`}
            onClick={() => actions.fixAll(row)}
          >
            Fix all {fixable.toLocaleString('en-US')}
          </button>
        )}
      </div>
    );
  }
  const f = finding!;
  const Icon = ICONS[f.severity];
  return (
    <button
      type="button"
      className={`cc-prow cc-prow--finding cc-problem--${f.severity}${active ? ' is-active' : ''}`}
      data-row-key={row.key}
      data-code={f.code}
      tabIndex={tab}
      title={message ?? f.message}
      onMouseEnter={() => actions.hover(row.index)}
      onMouseLeave={() => actions.hover(null)}
      onFocus={(e) => {
        if (keyboardFocus(e)) actions.activate(row.key);
        actions.hover(row.index);
      }}
      onBlur={() => actions.hover(null)}
      onClick={() => {
        actions.activate(row.key);
        actions.open(row.index);
      }}
    >
      <Icon size={13} aria-label={f.severity} />
      {name !== undefined && <strong className="cc-prow__name">{name}</strong>}
      <span className="cc-prow__msg">{message ?? f.message}</span>
    </button>
  );
}
