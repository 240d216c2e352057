// Reservations on the canvas: a hatched chip in the head of the VPC they are kept for, with
// name and CIDR; a plan-wide one shows in each VPC whose CIDRs it overlaps.
import { useMemo } from 'react';
import { cidrOf, overlaps } from '../../domain/ip/cidr';
import type { Vpc } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import './reserved-chips.css';

export function ReservedChips({ vpc }: { vpc: Vpc }) {
  const all = useAppStore((s) => s.plan.reservations);
  const mine = useMemo(() => {
    if (!all || all.length === 0) return [];
    const own = [vpc.cidr, ...(vpc.secondaryCidrs ?? [])].map(cidrOf);
    return all.filter(
      (r) =>
        r.vpc === vpc.id || (r.vpc === undefined && own.some((c) => overlaps(c, cidrOf(r.cidr)))),
    );
  }, [all, vpc]);
  if (mine.length === 0) return null;
  return (
    <span className="cc-reserved" data-testid={`reserved-${vpc.id}`}>
      {mine.map((r) => (
        <span
          key={r.id}
          className="cc-reserved__chip"
          data-reservation={r.id}
          title={`Reserved${r.vpc ? '' : ' everywhere'}: ${r.name ?? r.id} ${r.cidr}${r.note ? ` · ${r.note}` : ''}`}
        >
          <span className="cc-reserved__name">{r.name ?? r.id}</span> <code>{r.cidr}</code>
        </span>
      ))}
    </span>
  );
}
