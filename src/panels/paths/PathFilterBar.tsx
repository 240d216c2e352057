// The paths panel's filter: a chip per verdict, worst first, with how many paths each holds, and
// the kind of object the paths go to. The canvas draws what the list shows.
import type { Verdict } from '../../domain/routing/paths';
import { useAppStore } from '../../store/app-store';
import {
  TARGET_KINDS,
  VERDICTS,
  type PathFilter,
  type ShownPaths,
  type TargetKind,
} from '../../store/path-filter';
import { VERDICT_LABEL } from './PathRow';

const TARGET_LABEL: Readonly<Record<TargetKind, string>> = {
  resource: 'Resources',
  cluster: 'Clusters',
  idc: 'IDCs',
  internet: 'Internet',
};

function toggle(filter: PathFilter, v: Verdict): PathFilter {
  const on = filter.verdicts.includes(v);
  return {
    ...filter,
    verdicts: on ? filter.verdicts.filter((x) => x !== v) : [...filter.verdicts, v],
  };
}

export function PathFilterBar({ filter, shown }: { filter: PathFilter; shown: ShownPaths }) {
  const set = (f: PathFilter) => useAppStore.getState().setPathFilter(f);
  const allKinds = TARGET_KINDS.reduce((n, k) => n + shown.kindCounts[k], 0);
  return (
    <div className="cc-path-filter" role="group" aria-label="Filter paths">
      {VERDICTS.map((v) => {
        const on = filter.verdicts.includes(v);
        return (
          <button
            key={v}
            type="button"
            className={`cc-verdict cc-verdict--${v} cc-verdict-chip${on ? ' is-on' : ''}`}
            aria-pressed={on}
            data-verdict={v}
            title={on ? `Stop filtering on ${VERDICT_LABEL[v]}` : `Only ${VERDICT_LABEL[v]} paths`}
            onClick={() => set(toggle(filter, v))}
          >
            {shown.counts[v].toLocaleString('en-US')} {VERDICT_LABEL[v]}
          </button>
        );
      })}
      <label className="cc-path-filter__target">
        <span>to</span>
        <select
          aria-label="Paths to"
          value={filter.target}
          onChange={(e) => set({ ...filter, target: e.target.value as TargetKind | 'all' })}
        >
          <option value="all">everything ({allKinds.toLocaleString('en-US')})</option>
          {TARGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {TARGET_LABEL[k]} ({shown.kindCounts[k].toLocaleString('en-US')})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
