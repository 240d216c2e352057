// The address map's lists, for a keyboard and a screen reader as much as for the eye: the root's
// largest free blocks, the ranges that overlap one they should not, and the ranges in view.
import { useMemo } from 'react';
import type { AddressMap } from '../../domain/planning/address-map';
import type { MapRoot } from '../../domain/planning/address-map-free';
import { MAP_KIND_TITLES, type RangeEntry } from '../../domain/planning/address-map-ranges';

/** Rows a list shows at most: a long list is for zooming in, not for scrolling. */
export const LIST_LIMIT = 300;
export const n = (x: number) => x.toLocaleString('en-US');

export function AddressMapLists({
  map,
  root,
  inView,
  selected,
  pick,
  zoomTo,
  showRoot,
  ownerIsObject,
}: {
  map: AddressMap;
  root: MapRoot;
  /** Indexes of the ranges in view (the first LIST_LIMIT) and how many there are. */
  inView: { out: readonly number[]; total: number };
  selected: ReadonlySet<string>;
  pick: (r: RangeEntry) => void;
  zoomTo: (lo: number, hi: number) => void;
  /** Shows another root range, by its index in map.roots. */
  showRoot: (index: number) => void;
  ownerIsObject: (id: string) => boolean;
}) {
  const overlaps = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < map.ranges.length && out.length < LIST_LIMIT; i++)
      if (map.conflict[i]) out.push(i);
    return out;
  }, [map]);
  return (
    <div className="cc-amap__lists">
      <section aria-label="Largest free blocks">
        <h3>Largest free blocks in {root.cidr}</h3>
        <p className="cc-muted">
          {n(root.free)} of {n(root.hi - root.lo + 1)} addresses free
        </p>
        <ul>
          {root.largestFree.map((b) => (
            <li key={b.cidr}>
              <button type="button" onClick={() => zoomTo(b.lo, b.hi)}>
                <code>{b.cidr}</code> <span>{n(b.size)} addresses</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Overlaps">
        <h3>Overlaps ({n(map.conflictCount)})</h3>
        {overlaps.length === 0 ? (
          <p className="cc-muted">No range overlaps one it should not.</p>
        ) : (
          <ul>
            {overlaps.map((i) => {
              const r = map.ranges[i]!;
              return (
                <li key={i}>
                  <button
                    type="button"
                    onClick={() => {
                      pick(r);
                      const at = map.roots.findIndex((x) => x.lo <= r.lo && r.hi <= x.hi);
                      if (at >= 0 && map.roots[at] !== root) showRoot(at);
                      else zoomTo(r.lo, r.hi);
                    }}
                  >
                    <code>{r.cidr}</code> {MAP_KIND_TITLES[r.kind]} of {r.ownerName}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-label="Ranges in view" className="cc-amap__ranges">
        <h3>
          Ranges in view ({n(inView.total)}
          {inView.total > inView.out.length
            ? `, first ${n(inView.out.length)}: zoom in for the rest`
            : ''}
          )
        </h3>
        <table>
          <thead>
            <tr>
              <th scope="col">Range</th>
              <th scope="col">Kind</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {inView.out.map((i) => {
              const r = map.ranges[i]!;
              return (
                <tr
                  key={i}
                  data-owner={r.owner}
                  className={map.conflict[i] ? 'cc-amap__row--conflict' : undefined}
                >
                  <td>
                    <code>{r.cidr}</code>
                  </td>
                  <td>{MAP_KIND_TITLES[r.kind]}</td>
                  <td>
                    {ownerIsObject(r.owner) ? (
                      <button
                        type="button"
                        aria-pressed={selected.has(r.owner)}
                        onClick={() => pick(r)}
                      >
                        {r.ownerName}
                      </button>
                    ) : (
                      r.ownerName
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
