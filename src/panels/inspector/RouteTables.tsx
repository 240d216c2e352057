// Route tables of a VPC: their routes, and which subnets use them.
import { Plus, Trash2 } from 'lucide-react';
import { label } from '../../domain/model/defaults';
import { newId } from '../../domain/ops/create';
import type { Plan, Route, RouteTable } from '../../domain/model/plan';
import { usePlanContent } from '../../store/hooks';
import { useAppStore } from '../../store/app-store';
import { CheckedField, MultiCheckField, SelectField } from '../../ui/fields';
import { cidrCheck, textCheck } from './checks';

/** What a route of this VPC may point at: its NAT gateways, peerings, CCNs, IDCs and CVMs. */
export function routeTargets(plan: Plan, vpcId: string): { value: string; label: string }[] {
  const subnets = new Set(plan.subnets.filter((s) => s.vpc === vpcId).map((s) => s.id));
  return [
    ...plan.natGateways
      .filter((n) => n.vpc === vpcId)
      .map((n) => ({ value: n.id, label: `NAT ${label(n)}` })),
    ...plan.peerings
      .filter((p) => p.vpcs.includes(vpcId))
      .map((p) => ({ value: p.id, label: `Peering ${label(p)}` })),
    ...plan.ccns
      .filter((c) => c.attachments.includes(vpcId))
      .map((c) => ({ value: c.id, label: `CCN ${label(c)}` })),
    ...plan.idcs
      .filter((i) => i.vpc === vpcId)
      .map((i) => ({ value: i.id, label: `IDC ${label(i)}` })),
    ...plan.resources
      .filter((r) => r.kind === 'cvm' && subnets.has(r.subnet))
      .map((r) => ({ value: r.id, label: `CVM ${label(r)}` })),
  ];
}

function TableEditor({
  table,
  plan,
  readOnly,
}: {
  table: RouteTable;
  plan: Plan;
  readOnly: boolean;
}) {
  const apply = (routes: readonly Route[], capture: 'eventually' | 'immediately' = 'immediately') =>
    useAppStore
      .getState()
      .apply([{ op: 'update', collection: 'routeTables', id: table.id, set: { routes } }], {
        capture,
        label: 'Edit routes',
      });
  const done = () => useAppStore.getState().commitGesture();
  const targets = routeTargets(plan, table.vpc);
  const subnets = plan.subnets.filter((s) => s.vpc === table.vpc);
  const using = subnets.filter((s) => s.routeTable === table.id).map((s) => s.id);
  const setUsing = (ids: string[]) => {
    const s = useAppStore.getState();
    const ops = subnets
      .filter((sn) => ids.includes(sn.id) !== (sn.routeTable === table.id))
      .map((sn) =>
        ids.includes(sn.id)
          ? {
              op: 'update' as const,
              collection: 'subnets' as const,
              id: sn.id,
              set: { routeTable: table.id },
            }
          : {
              op: 'update' as const,
              collection: 'subnets' as const,
              id: sn.id,
              set: {},
              unset: ['routeTable'],
            },
      );
    s.apply(ops, { label: 'Associate route table' });
  };
  return (
    <section className="cc-rtb" aria-label={`Route table ${label(table)}`}>
      <div className="cc-rtb__head">
        <CheckedField
          label="Route table name"
          value={table.name ?? ''}
          check={textCheck(true)}
          disabled={readOnly}
          onDone={done}
          onValue={(v) =>
            useAppStore.getState().apply(
              [
                {
                  op: 'update',
                  collection: 'routeTables',
                  id: table.id,
                  set: v === undefined ? {} : { name: v },
                  ...(v === undefined ? { unset: ['name'] } : {}),
                },
              ],
              { capture: 'eventually', label: 'Rename route table' },
            )
          }
        />
        <button
          type="button"
          className="cc-icon-button"
          title="Delete this route table"
          aria-label={`Delete route table ${label(table)}`}
          disabled={readOnly}
          onClick={() => {
            const s = useAppStore.getState();
            const ops = [
              ...plan.subnets
                .filter((sn) => sn.routeTable === table.id)
                .map((sn) => ({
                  op: 'update' as const,
                  collection: 'subnets' as const,
                  id: sn.id,
                  set: {},
                  unset: ['routeTable'],
                })),
              { op: 'remove' as const, collection: 'routeTables' as const, id: table.id },
            ];
            s.apply(ops, { label: 'Delete route table' });
          }}
        >
          <Trash2 size={14} />
        </button>
      </div>
      <table className="cc-routes">
        <thead>
          <tr>
            <th>Destination</th>
            <th>Target</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {table.routes.map((r, i) => (
            <tr key={i}>
              <td>
                <CheckedField
                  label="Destination"
                  mono
                  value={r.destination}
                  check={cidrCheck('any', false)}
                  disabled={readOnly}
                  onDone={done}
                  onValue={(v) =>
                    apply(
                      table.routes.map((x, j) => (j === i ? { ...x, destination: v! } : x)),
                      'eventually',
                    )
                  }
                />
              </td>
              <td>
                <SelectField
                  label="Target"
                  value={r.target}
                  disabled={readOnly}
                  options={
                    targets.some((t) => t.value === r.target)
                      ? targets
                      : [{ value: r.target, label: `${r.target} (not valid here)` }, ...targets]
                  }
                  onValue={(v) =>
                    apply(table.routes.map((x, j) => (j === i ? { ...x, target: v } : x)))
                  }
                />
              </td>
              <td>
                <button
                  type="button"
                  className="cc-icon-button"
                  aria-label={`Remove route ${r.destination}`}
                  disabled={readOnly}
                  onClick={() => apply(table.routes.filter((_x, j) => j !== i))}
                >
                  <Trash2 size={14} />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="cc-button cc-button--small"
        disabled={readOnly || targets.length === 0}
        title={
          targets.length === 0
            ? 'Add a NAT gateway, peering, CCN, IDC or CVM to route to first'
            : undefined
        }
        onClick={() => {
          const hasDefault = table.routes.some((r) => r.destination === '0.0.0.0/0');
          const nat = targets.find((t) => plan.natGateways.some((n) => n.id === t.value));
          apply([
            ...table.routes,
            {
              destination: hasDefault ? '192.168.0.0/16' : '0.0.0.0/0',
              target: (!hasDefault && nat ? nat : targets[0]!).value,
            },
          ]);
        }}
      >
        <Plus size={14} /> Add route
      </button>
      <MultiCheckField
        label="Subnets using it"
        value={using}
        options={subnets.map((s) => ({ value: s.id, label: `${label(s)} (${s.cidr})` }))}
        disabled={readOnly}
        onValue={setUsing}
      />
    </section>
  );
}

export function RouteTables({ vpcId }: { vpcId: string }) {
  const plan = usePlanContent();
  const readOnly = useAppStore((s) => s.readOnly);
  const tables = plan.routeTables.filter((t) => t.vpc === vpcId);
  return (
    <div className="cc-rtbs">
      <h3>Route tables</h3>
      {tables.length === 0 && (
        <p className="cc-muted">
          Subnets use the VPC's default table: Local, container and CCN routes only.
        </p>
      )}
      {tables.map((t) => (
        <TableEditor key={t.id} table={t} plan={plan} readOnly={readOnly} />
      ))}
      <button
        type="button"
        className="cc-button cc-button--small"
        disabled={readOnly}
        onClick={() => {
          const s = useAppStore.getState();
          const id = newId(s.plan, 'rtb');
          s.apply(
            [
              {
                op: 'insert',
                collection: 'routeTables',
                object: { id, name: id, vpc: vpcId, routes: [] },
              },
            ],
            { label: 'Add route table' },
          );
        }}
      >
        <Plus size={14} /> Add route table
      </button>
    </div>
  );
}
