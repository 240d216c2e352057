// The problems list, windowed: only the rows in view (and a few either side) are in the page,
// so a plan with thousands of findings scrolls as lightly as one with three. The keyboard walks
// it: arrows, Page Up/Down, Home and End move; Enter opens a finding or folds a group; Left and
// Right fold and unfold.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Finding, Suggestion } from '../../domain/rules/codes';
import { ProblemRowView, type RowActions } from './ProblemRow';
import { messageWith, type ProblemRow } from './rows';
import { rowWindow, scrollToShow } from './windowing';

/** Every row is this tall: one line. The windowing counts on it. */
export const ROW_HEIGHT = 24;

export function ProblemList({
  rows,
  findings,
  suggestions,
  names,
  fixableOf,
  activeKey,
  readOnly,
  actions,
  filterKey,
}: {
  rows: readonly ProblemRow[];
  findings: readonly Finding[];
  /** One per finding, each clear of those before it. */
  suggestions: readonly (Suggestion | undefined)[];
  names: ReadonlyMap<string, string>;
  fixableOf: (row: ProblemRow & { kind: 'code' }) => number;
  activeKey: string | null;
  readOnly: boolean;
  actions: RowActions;
  /** Changes with the filter: a new filter starts at the top of what it leaves. */
  filterKey: unknown;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(200);
  const focusWanted = useRef<string | null>(null);

  // The list's height comes from the observer, which reports once the frame is laid out: asked
  // for while mounting, it would lay the whole page out in the middle of the edit that showed
  // the first finding. flushSync draws the rows for the new height in that same frame.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => flushSync(() => setHeight(el.clientHeight)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const [filterSeen, setFilterSeen] = useState(filterKey);
  if (filterSeen !== filterKey) {
    setFilterSeen(filterKey);
    setScrollTop(0);
  }
  // A new list starts at the top anyway; scrolling it there while mounting would lay the page out.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current && scroller.current) scroller.current.scrollTop = 0;
    mounted.current = true;
  }, [filterKey]);

  // Moving with the keyboard can bring in a row that was not drawn: focus it once it is.
  useLayoutEffect(() => {
    const key = focusWanted.current;
    if (key === null) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-row-key="${key}"]`);
    if (el) {
      focusWanted.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const { start, end } = rowWindow(scrollTop, height, ROW_HEIGHT, rows.length);
  const activeIndex = activeKey === null ? -1 : rows.findIndex((r) => r.key === activeKey);
  // One row is always reachable with Tab: the active one when drawn, else the first drawn.
  const tabbable = activeIndex >= start && activeIndex < end ? activeIndex : start;

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[i];
    const el = scroller.current;
    if (!row || !el) return;
    const top = scrollToShow(i, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (top !== el.scrollTop) {
      el.scrollTop = top;
      setScrollTop(top);
    }
    focusWanted.current = row.key;
    actions.activate(row.key);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).closest('[data-row-key]')?.getAttribute('data-row-key');
    const at = key ? rows.findIndex((r) => r.key === key) : -1;
    if (at < 0) return;
    const row = rows[at]!;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(at - 1),
      PageDown: () => moveTo(at + page),
      PageUp: () => moveTo(at - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => {
        if (row.kind !== 'finding' && !row.open) actions.toggle(row.key);
        else moveTo(at + 1);
      },
      ArrowLeft: () => {
        if (row.kind !== 'finding' && row.open) actions.toggle(row.key);
        else {
          // Up to the group this row is in.
          const want = row.kind === 'finding' ? 'code' : 'severity';
          let i = at - 1;
          while (i >= 0 && rows[i]!.kind !== want) i--;
          if (i >= 0) moveTo(i);
        }
      },
    };
    const move = moves[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    move();
  };

  return (
    <div
      ref={scroller}
      className="cc-problems__scroll"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <ul
        className="cc-problems__rows"
        aria-label="Findings"
        style={{ height: rows.length * ROW_HEIGHT }}
      >
        {rows.slice(start, end).map((row, k) => {
          const i = start + k;
          const finding = row.kind === 'finding' ? findings[row.index] : undefined;
          const first = finding?.objects[0];
          return (
            <li
              key={row.key}
              style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
              aria-setsize={rows.length}
              aria-posinset={i + 1}
            >
              <ProblemRowView
                row={row}
                finding={finding}
                message={
                  finding && row.kind === 'finding'
                    ? messageWith(finding, suggestions[row.index])
                    : undefined
                }
                name={first === undefined ? undefined : names.get(first)}
                fixable={row.kind === 'code' ? fixableOf(row) : undefined}
                tabbable={i === tabbable}
                active={i === activeIndex}
                readOnly={readOnly}
                actions={actions}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
