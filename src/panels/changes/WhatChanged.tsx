// Review mode's first step while comparing: what changed since the plan compared with, counted,
// with every line a click away from its object.
import { useAppStore } from '../../store/app-store';
import { selectCompareLabel } from '../../store/selectors';
import { ChangeGroupList } from './ChangesPanel';
import { useChangeGroups } from './use-change-groups';

export function WhatChanged() {
  const label = useAppStore(selectCompareLabel);
  const groups = useChangeGroups();
  const count = (k: string) => groups?.find((g) => g.key === k)?.lines.length ?? 0;
  return (
    <div className="cc-review__changes">
      <h2>What changed</h2>
      <p className="cc-muted">Since {label}</p>
      {!groups ? (
        <p>Comparing…</p>
      ) : (
        <>
          <p className="cc-review__lead">
            {count('added')} added, {count('removed')} removed, {count('changed')} changed;{' '}
            {count('introduced')} findings introduced, {count('resolved')} resolved;{' '}
            {count('paths')} paths changed.
          </p>
          <div className="cc-review__changes-list">
            <ChangeGroupList groups={groups.filter((g) => g.lines.length > 0)} />
          </div>
        </>
      )}
    </div>
  );
}
