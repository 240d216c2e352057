// The paths of the selected clusters (or all): verdict, reason and hops, one line each.
import { memo, useDeferredValue } from 'react';
import type { PathResult } from '../domain/routing/paths';
import { useAppStore } from '../store/app-store';
import {
  allPathsTooMany,
  MAX_ALL_PATHS,
  nameOf,
  selectNames,
  selectPaths,
  type Names,
} from '../store/selectors';
import { reasonSentence } from './words';

/** Rows listed at most: the canvas draws every path; a list of ten thousand would hold the page. */
export const MAX_PATH_ROWS = 500;

function key(p: { from: string; to: string }): string {
  return `${p.from}->${p.to}`;
}

const PathRow = memo(function PathRow({ p, names }: { p: PathResult; names: Names }) {
  return (
    <li
      className={`cc-path-row cc-path-row--${p.verdict}`}
      data-verdict={p.verdict}
      data-from={p.from}
      data-to={p.to}
      onMouseEnter={() => useAppStore.getState().hoverPath(key(p))}
      onMouseLeave={() => useAppStore.getState().hoverPath(null)}
    >
      <span className={`cc-verdict cc-verdict--${p.verdict}`}>
        {p.verdict === 'snat' ? 'SNAT' : p.verdict}
      </span>
      <span className="cc-path-row__ends" title={`${p.from} → ${p.to}`}>
        {nameOf(names, p.from)} → {nameOf(names, p.to)}
      </span>
      {p.reason && <code className="cc-path-row__reason">{p.reason}</code>}
      <span className="cc-path-row__msg" title={p.hops.map((h) => nameOf(names, h)).join(' › ')}>
        {p.reason ? reasonSentence(p.reason, p.message) : p.message}
      </span>
    </li>
  );
});

export function PathsPanel() {
  // Lists follow the canvas: they re-render after the frame that shows the new highlights.
  const paths = useDeferredValue(useAppStore(selectPaths));
  const names = useAppStore(selectNames);
  const showAll = useAppStore((s) => s.showAllPaths);
  const anyCluster = useAppStore((s) =>
    s.selection.some((id) => s.plan.clusters.some((c) => c.id === id)),
  );
  const tooMany = useAppStore((s) => allPathsTooMany(s.plan));
  const counts = { direct: 0, snat: 0, unreachable: 0 };
  for (const p of paths) counts[p.verdict]++;
  return (
    <section className="cc-paths" role="region" aria-label="Paths">
      <header className="cc-dock__head">
        <h2>Paths</h2>
        <span className="cc-verdict cc-verdict--direct">{counts.direct} direct</span>
        <span className="cc-verdict cc-verdict--snat">{counts.snat} SNAT</span>
        <span className="cc-verdict cc-verdict--unreachable">{counts.unreachable} unreachable</span>
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
      {showAll && tooMany && (
        <p className="cc-note" role="note">
          This plan has more than {MAX_ALL_PATHS.toLocaleString('en-US')} paths: showing the
          selected clusters&apos; paths only.
        </p>
      )}
      {paths.length === 0 ? (
        <p className="cc-empty">
          {(showAll && !tooMany) || anyCluster
            ? 'No paths to show.'
            : 'Select a cluster to see where its pods can reach, or show all paths.'}
        </p>
      ) : (
        // Focusable so that a keyboard can scroll a long list.
        <ul className="cc-path-list" tabIndex={0} aria-label="Paths of the selection">
          {paths.slice(0, MAX_PATH_ROWS).map((p) => (
            <PathRow key={key(p)} p={p} names={names} />
          ))}
          {paths.length > MAX_PATH_ROWS && (
            <li className="cc-path-more">
              and {(paths.length - MAX_PATH_ROWS).toLocaleString('en-US')} more, drawn on the canvas
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
