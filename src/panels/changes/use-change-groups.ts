// The Changes panel's and review's groups for the comparison in force.
import { useMemo } from 'react';
import { label } from '../../domain/model/defaults';
import { COLLECTIONS } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import { ghostId } from '../../store/compare-slice';
import { nameOf, selectNames } from '../../store/selectors';
import { changeGroups, type ChangeGroup, type ChangeLine } from './lines';

export function useChangeGroups(): ChangeGroup[] | null {
  const compare = useAppStore((s) => s.compare);
  const names = useAppStore(selectNames);
  const base = compare?.base;
  const baseNames = useMemo(() => {
    const m = new Map<string, string>();
    if (base) for (const c of COLLECTIONS) for (const o of base[c]) m.set(o.id, label(o));
    return m;
  }, [base]);
  const diff = compare?.diff;
  return useMemo(() => {
    if (!diff) return null;
    const name = (id: string) => names.get(id) ?? baseNames.get(id) ?? nameOf(names, id);
    return changeGroups(diff, name, (id) => names.has(id) || id === 'internet');
  }, [diff, names, baseNames]);
}

/** What clicking a line does: select its object and bring it into view (a ghost for a removed one). */
export function showLine(line: ChangeLine): void {
  const s = useAppStore.getState();
  s.pickRemoved(line.removed ?? null);
  s.select(line.select);
  if (line.path) s.hoverPath(line.path);
  const frame = line.removed ? [ghostId(line.removed)] : line.frame;
  if (frame.length > 0) s.focus(frame);
}
