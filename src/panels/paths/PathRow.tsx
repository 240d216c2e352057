// One path in the list: verdict, ends, reason and explanation. Hovering or focusing it lights its
// line on the canvas, so a keyboard reaches the same highlight as a mouse.
import { memo } from 'react';
import { pathKey } from '../../domain/incremental/delta';
import type { PathResult } from '../../domain/routing/paths';
import { useAppStore } from '../../store/app-store';
import { nameOf, type Names } from '../../store/selectors';
import { reasonSentence } from '../words';

/** A row is keyed, and lit, by its path's key: one home for it (domain/incremental/delta). */
export const pathRowKey = pathKey;

export const VERDICT_LABEL = {
  direct: 'pod IP kept',
  snat: 'SNAT',
  unreachable: 'unreachable',
} as const;

const light = (key: string | null) => useAppStore.getState().hoverPath(key);

export const PathRow = memo(function PathRow({
  p,
  names,
  active,
}: {
  p: PathResult;
  names: Names;
  /** The row that Tab lands on in the list; arrows move between rows. */
  active: boolean;
}) {
  const key = pathRowKey(p);
  return (
    <li
      className={`cc-path-row cc-path-row--${p.verdict}`}
      data-verdict={p.verdict}
      data-from={p.from}
      data-to={p.to}
      tabIndex={active ? 0 : -1}
      onMouseEnter={() => light(key)}
      onMouseLeave={() => light(null)}
      onFocus={() => light(key)}
      onBlur={() => light(null)}
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
