// How full the selected VPC, subnet or cluster is, as bars (src/domain/planning/utilisation.ts).
import { useMemo } from 'react';
import { planIndexOf } from '../../domain/model/plan-index';
import type { Collection, Plan } from '../../domain/model/plan';
import {
  clusterUsage,
  percent,
  subnetUsage,
  vpcUsage,
  type Usage,
} from '../../domain/planning/utilisation';
import './utilisation.css';

const n = (x: number) => x.toLocaleString('en-US');

interface Bar {
  readonly name: string;
  readonly usage: Usage;
  readonly unit: string;
  readonly note?: string;
}

function Meter({ bar }: { bar: Bar }) {
  const { used, usable, over = 0 } = bar.usage;
  const pct = usable > 0 ? (100 * used) / usable : 0;
  const level = over > 0 || pct >= 90 ? 'high' : pct >= 70 ? 'mid' : 'low';
  const text = `${n(used)} of ${n(usable)} ${bar.unit}${usable > 0 ? ` (${percent(bar.usage)}%)` : ''}${over > 0 ? `, ${n(over)} more asked than fit` : ''}`;
  return (
    <div className="cc-usage__row">
      <div className="cc-usage__head">
        <span>{bar.name}</span>
        <span className="cc-usage__num">{text}</span>
      </div>
      <div
        className={`cc-usage__bar cc-usage__bar--${level}`}
        role="meter"
        aria-label={bar.name}
        aria-valuemin={0}
        aria-valuemax={usable}
        aria-valuenow={used}
        aria-valuetext={text}
      >
        <span style={{ width: `${Math.min(100, pct)}%` }} />
      </div>
      {bar.note && <div className="cc-muted cc-usage__note">{bar.note}</div>}
    </div>
  );
}

function barsOf(plan: Plan, collection: Collection, id: string): Bar[] {
  const ix = planIndexOf(plan);
  if (collection === 'vpcs')
    return vpcUsage(ix, id).map((u, i) => ({
      name: `${i === 0 ? 'CIDR' : 'Secondary'} ${u.cidr} in subnets`,
      usage: u,
      unit: 'addresses',
    }));
  if (collection === 'subnets') {
    const u = subnetUsage(ix, id);
    if (!u) return [];
    const parts = [
      u.resources ? `${n(u.resources)} resources` : '',
      u.nodes ? `${n(u.nodes)} planned nodes` : '',
      u.pods ? `${n(u.pods)} pod IPs` : '',
    ].filter(Boolean);
    return [
      {
        name: 'Addresses in use',
        usage: u,
        unit: 'usable',
        note: parts.length > 0 ? parts.join(' · ') : 'Nothing placed here yet.',
      },
    ];
  }
  if (collection === 'clusters') {
    const u = clusterUsage(ix, id);
    if (!u) return [];
    const bars: Bar[] = [{ name: 'Planned nodes', usage: u.nodes, unit: 'nodes it holds' }];
    if (u.services) bars.push({ name: 'Services', usage: u.services, unit: 'usable' });
    return bars;
  }
  return [];
}

export function UtilisationBars({
  plan,
  collection,
  id,
}: {
  plan: Plan;
  collection: Collection;
  id: string;
}) {
  const bars = useMemo(() => barsOf(plan, collection, id), [plan, collection, id]);
  if (bars.length === 0) return null;
  return (
    <section className="cc-usage" aria-label="Utilisation">
      <h3>Utilisation</h3>
      {bars.map((b) => (
        <Meter key={b.name} bar={b} />
      ))}
    </section>
  );
}
