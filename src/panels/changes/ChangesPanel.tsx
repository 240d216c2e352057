// What changed since the plan compared with: added, removed and changed objects, findings
// introduced and resolved, paths whose verdict moved. A line selects its object and frames it.
import { X } from 'lucide-react';
import { useDeferredValue } from 'react';
import { useAppStore } from '../../store/app-store';
import {
  selectAnyClusterSelected,
  selectCompareLabel,
  selectComparePicked,
  selectReviewing,
  selectShowAllPaths,
} from '../../store/selectors';
import type { ChangeGroup } from './lines';
import { showLine, useChangeGroups } from './use-change-groups';
import './changes.css';

/** Lines listed per group at most; the counts stay whole. */
export const MAX_LINES = 200;

export function ChangeGroupList({ groups }: { groups: readonly ChangeGroup[] }) {
  const picked = useAppStore(selectComparePicked);
  const selection = useAppStore((s) => s.selection);
  const hoveredPath = useAppStore((s) => s.hoveredPath);
  return (
    <>
      {groups.map((g) => (
        <section key={g.key} className="cc-changes__group" data-group={g.key}>
          <h3>
            {g.title} <span className="cc-changes__count">{g.lines.length}</span>
          </h3>
          {g.lines.length > 0 && (
            <ul>
              {g.lines.slice(0, MAX_LINES).map((l) => {
                const on = l.path
                  ? hoveredPath === l.path
                  : (l.removed !== undefined && picked === l.removed) ||
                    (l.removed === undefined &&
                      l.select.length > 0 &&
                      l.select.every((id) => selection.includes(id)) &&
                      selection.length === l.select.length);
                return (
                  <li key={l.key}>
                    <button
                      type="button"
                      className={`cc-changes__line${l.tone ? ` is-${l.tone}` : ''}${on ? ' is-on' : ''}`}
                      onClick={() => showLine(l)}
                    >
                      <span className="cc-changes__text">{l.text}</span>
                      {l.detail && <span className="cc-changes__detail">{l.detail}</span>}
                    </button>
                  </li>
                );
              })}
              {g.lines.length > MAX_LINES && (
                <li className="cc-changes__more">
                  and {(g.lines.length - MAX_LINES).toLocaleString('en-US')} more
                </li>
              )}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export function ChangesPanel() {
  const label = useAppStore(selectCompareLabel);
  const reviewing = useAppStore(selectReviewing);
  const groups = useDeferredValue(useChangeGroups());
  const showAll = useAppStore(selectShowAllPaths);
  const anyCluster = useAppStore(selectAnyClusterSelected);
  if (label === undefined || reviewing) return null;
  const total = groups?.reduce((n, g) => n + g.lines.length, 0) ?? 0;
  return (
    <aside className="cc-changes" aria-label="Changes">
      <header className="cc-changes__head">
        <h2>
          Changes <span className="cc-changes__since">since {label}</span>
        </h2>
        <button
          type="button"
          className="cc-button"
          onClick={() => useAppStore.getState().clearCompare()}
          title="Stop comparing: the marks go away"
        >
          <X size={15} aria-hidden /> End comparison
        </button>
      </header>
      <div className="cc-changes__body">
        {!groups ? (
          <p className="cc-empty">Comparing…</p>
        ) : (
          <>
            {total === 0 && <p className="cc-empty">No changes.</p>}
            <ChangeGroupList groups={groups} />
            {!showAll && !anyCluster && (
              <p className="cc-changes__note">
                Paths are compared for the clusters whose paths are shown: select a cluster or show
                all paths.
              </p>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
