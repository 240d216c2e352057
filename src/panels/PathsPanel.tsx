// The paths of the selected clusters (or all): verdict, reason and hops, one line each, worst
// first, filtered by verdict and by what they go to; the canvas draws the same paths.
import { memo, useDeferredValue, useRef, useState, type KeyboardEvent } from 'react';
import type { ShownPaths } from '../store/path-filter';
import { useAppStore } from '../store/app-store';
import './paths/paths.css';
import { PATH_DRAW_STEP, selectShownPaths } from '../store/path-filter';
import {
  allPathsTooMany,
  MAX_ALL_PATHS,
  selectAnyClusterSelected,
  selectNames,
  selectShowAllPaths,
} from '../store/selectors';
import { PathFilterBar } from './paths/PathFilterBar';
import { PathRow, pathRowKey } from './paths/PathRow';

/** Rows listed at most: a list of ten thousand would hold the page. */
export const MAX_PATH_ROWS = 500;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * A result is drawn in two steps: the canvas's highlights at once, then (deferred, in one commit
 * with the status that says the plan is validated) this list, which would otherwise hold the
 * highlight back by the time it takes to rewrite a hundred rows.
 */
export function PathsPanel() {
  const shown = useDeferredValue(useAppStore(selectShownPaths));
  return <PathsList shown={shown} />;
}

const PathsList = memo(function PathsList({ shown }: { shown: ShownPaths }) {
  const names = useAppStore(selectNames);
  const showAll = useAppStore(selectShowAllPaths);
  const filter = useAppStore((s) => s.pathFilter);
  const anyPaths = useAppStore((s) => (s.analysis?.paths.length ?? 0) > 0);
  const anyCluster = useAppStore(selectAnyClusterSelected);
  const tooMany = useAppStore((s) => allPathsTooMany(s.plan));
  const { list, drawn } = shown;
  const rows = list.length > MAX_PATH_ROWS ? list.slice(0, MAX_PATH_ROWS) : list;
  // Roving focus: Tab enters the list once, on the last row focused; arrows walk it.
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, rows.length - 1));
  const listEl = useRef<HTMLUListElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -Infinity,
      End: Infinity,
    };
    const d = step[e.key];
    if (d === undefined || rows.length === 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, current + d));
    setActive(next);
    (listEl.current?.querySelectorAll('.cc-path-row')[next] as HTMLElement | undefined)?.focus();
  };
  const filtered = filter.verdicts.length > 0 || filter.target !== 'all';
  return (
    <section className="cc-paths" role="region" aria-label="Paths">
      <header className="cc-dock__head">
        <h2>Paths</h2>
        <span className="cc-spacer" />
        <label className="cc-switch">
          <input
            type="checkbox"
            checked={showAll}
            onChange={(e) => useAppStore.getState().setShowAllPaths(e.target.checked)}
          />
          Show all paths
        </label>
      </header>
      {anyPaths && <PathFilterBar filter={filter} shown={shown} />}
      {showAll && tooMany && (
        <p className="cc-note" role="note">
          This plan has more than {fmt(MAX_ALL_PATHS)} paths: showing the selected clusters&apos;
          paths only.
        </p>
      )}
      {list.length > drawn.length && (
        <p className="cc-path-cap" role="status">
          <span>
            Drawing the first {fmt(drawn.length)} of {fmt(list.length)} paths, worst first.
          </span>
          <button
            type="button"
            className="cc-link-button"
            onClick={() => useAppStore.getState().drawMorePaths(PATH_DRAW_STEP)}
          >
            Show {fmt(Math.min(PATH_DRAW_STEP, list.length - drawn.length))} more
          </button>
          <button
            type="button"
            className="cc-link-button"
            onClick={() => useAppStore.getState().drawMorePaths(Infinity)}
          >
            Show all {fmt(list.length)}
          </button>
        </p>
      )}
      {list.length === 0 ? (
        <p className="cc-empty">
          {anyPaths && filtered ? (
            <>
              No paths match the filter.{' '}
              <button
                type="button"
                className="cc-link-button"
                onClick={() =>
                  useAppStore.getState().setPathFilter({ verdicts: [], target: 'all' })
                }
              >
                Clear the filter
              </button>
            </>
          ) : (showAll && !tooMany) || anyCluster ? (
            'No paths to show.'
          ) : (
            'Select a cluster to see where its pods can reach, or show all paths.'
          )}
        </p>
      ) : (
        <ul
          ref={listEl}
          className="cc-path-list"
          aria-label="Paths of the selection"
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            const i = [...e.currentTarget.querySelectorAll('.cc-path-row')].indexOf(e.target);
            if (i >= 0 && i !== current) setActive(i);
          }}
        >
          {rows.map((p, i) => (
            <PathRow key={pathRowKey(p)} p={p} names={names} active={i === current} />
          ))}
          {list.length > MAX_PATH_ROWS && (
            <li className="cc-path-more">
              and {fmt(list.length - MAX_PATH_ROWS)} more: narrow the filter to list them
            </li>
          )}
        </ul>
      )}
    </section>
  );
});
