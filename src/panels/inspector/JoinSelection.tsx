// Two or more subnets selected on the canvas: join them into one, or read why they cannot be.
import { Merge } from 'lucide-react';
import { formatCidr } from '../../domain/ip/cidr';
import { planIndexOf } from '../../domain/model/plan-index';
import type { Plan } from '../../domain/model/plan';
import { checkJoin } from '../../domain/planning/split';
import { joinSubnets } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import './planner.css';

export function JoinSelection({ plan, ids }: { plan: Plan; ids: readonly string[] }) {
  const readOnly = useAppStore((s) => s.readOnly);
  const ix = planIndexOf(plan);
  if (ids.length < 2 || !ids.every((id) => ix.subnet(id))) return null;
  const check = checkJoin(plan, ix, ids);
  return (
    <section className="cc-planner-card" aria-label="Join subnets">
      <p className={check.ok ? 'cc-muted' : 'cc-field__error'} role="status">
        {check.ok
          ? `Together they are ${formatCidr(check.block)}: join them into ${check.keep.name ?? check.keep.id}.`
          : `Cannot join: ${check.reason}`}
      </p>
      <button
        type="button"
        className="cc-button cc-button--small"
        disabled={readOnly || !check.ok}
        onClick={() => {
          if (joinSubnets(useAppStore, ids) === undefined && check.ok)
            useAppStore.getState().select([check.keep.id]);
        }}
      >
        <Merge size={14} aria-hidden /> Join {ids.length} subnets
      </button>
    </section>
  );
}
