// Route tables of a VPC: their routes, and which subnets use them.
import { Plus, Trash2 } from 'lucide-react';
import { Fragment, useEffect, useRef } from 'react';
import { label } from '../../domain/model/defaults';
import { newIdOf } from '../../domain/ops/create';
import type { PlanOp } from '../../domain/ops/ops';
import type { Plan, Route, RouteTable } from '../../domain/model/plan';
import { usePlanContent } from '../../store/hooks';
import { useAppStore } from '../../store/app-store';
import { selectReadOnly } from '../../store/selectors';
import { CheckedField, MultiCheckField, SelectField } from '../../ui/fields';
import { fieldSchema, ROUTE_FIELDS } from '../../io/schema-fields';
import { cidrCheck, textCheck } from './checks';
import { RouteFixes, useRouteFindings } from './RouteFixes';
import { defaultTarget, routeTargets, targetName } from './route-targets';

const tableNameCheck = textCheck(fieldSchema('routeTables', 'name'));
const destinationCheck = cidrCheck(ROUTE_FIELDS.destination);

export { routeTargets } from './route-targets';
export { ROUTE_CODES } from './RouteFixes';

export function TableEditor({
  table,
  plan,
  readOnly,
  reveal = false,
}: {
  table: RouteTable;
  plan: Plan;
  readOnly: boolean;
  /** Scroll the first route with a problem into view (the table was opened from one). */
  reveal?: boolean;
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
  const problems = useRouteFindings(table.id);
  const firstProblem = useRef<HTMLTableRowElement>(null);
  const anyProblem = problems.size > 0;
  useEffect(() => {
    if (reveal && anyProblem) firstProblem.current?.scrollIntoView({ block: 'center' });
  }, [reveal, anyProblem]);
  const subnets = plan.subnets.filter((s) => s.vpc === table.vpc);
  const using = subnets.filter((s) => s.routeTable === table.id).map((s) => s.id);
  const setUsing = (ids: string[]) => {
    const s = useAppStore.getState();
    const ops = subnets
      .filter((sn) => ids.includes(sn.id) !== (sn.routeTable === table.id))
      .map((sn): PlanOp =>
        ids.includes(sn.id)
          ? { op: 'update', collection: 'subnets', id: sn.id, set: { routeTable: table.id } }
          : { op: 'update', collection: 'subnets', id: sn.id, set: {}, unset: ['routeTable'] },
      );
    s.apply(ops, { label: 'Associate route table' });
  };
  return (
    <section className="cc-rtb" aria-label={`Route table ${label(table)}`}>
      <div className="cc-rtb__head">
        <CheckedField
          label="Route table name"
          value={table.name ?? ''}
          check={tableNameCheck}
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
            const ops: PlanOp[] = [
              ...plan.subnets
                .filter((sn) => sn.routeTable === table.id)
                .map((sn): PlanOp => ({
                  op: 'update',
                  collection: 'subnets',
                  id: sn.id,
                  set: {},
                  unset: ['routeTable'],
                })),
              { op: 'remove', collection: 'routeTables', id: table.id },
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
          {table.routes.map((r, i) => {
            const found = problems.get(r.destination);
            const first =
              found !== undefined &&
              table.routes.findIndex((x) => problems.has(x.destination)) === i;
            return (
              <Fragment key={i}>
                <tr
                  ref={first ? firstProblem : undefined}
                  className={found ? 'has-problem' : undefined}
                  data-destination={r.destination}
                >
                  <td>
                    <CheckedField
                      label="Destination"
                      mono
                      value={r.destination}
                      check={destinationCheck}
                      disabled={readOnly}
                      onDone={done}
                      onValue={(v) => {
                        // The target follows the destination while it is the default one (or a guess).
                        const was = defaultTarget(plan, table.vpc, r.destination, targets);
                        const next = defaultTarget(plan, table.vpc, v!, targets);
                        const target =
                          next !== undefined && (was === undefined || r.target === was)
                            ? next
                            : r.target;
                        apply(
                          table.routes.map((x, j) => (j === i ? { destination: v!, target } : x)),
                          'eventually',
                        );
                      }}
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
                          : [
                              {
                                value: r.target,
                                label: `${targetName(plan, r.target)} (not valid here)`,
                              },
                              ...targets,
                            ]
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
                {found && (
                  <tr className="cc-route-problem-row">
                    <td colSpan={3}>
                      <RouteFixes
                        route={r}
                        findings={found}
                        plan={plan}
                        readOnly={readOnly}
                        onRemove={() => apply(table.routes.filter((_x, j) => j !== i))}
                        onNarrow={(dests) =>
                          apply(
                            table.routes.flatMap((x, j) =>
                              j === i ? dests.map((d) => ({ ...x, destination: d })) : [x],
                            ),
                          )
                        }
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
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
          const destination = hasDefault ? '192.168.0.0/16' : '0.0.0.0/0';
          // The target whose range holds the destination; the destination's field then keeps
          // it in step as it is typed.
          const target =
            defaultTarget(plan, table.vpc, destination, targets) ??
            targets.find((t) => !plan.natGateways.some((n) => n.id === t.value))?.value ??
            targets[0]!.value;
          apply([...table.routes, { destination, target }]);
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
  const readOnly = useAppStore(selectReadOnly);
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
          const id = newIdOf(s.plan, 'routeTable');
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
