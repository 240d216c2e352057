// A route table's problems, route by route, and the one-click ways out of each.
import { label } from '../../domain/model/defaults';
import type { Plan, Route } from '../../domain/model/plan';
import { narrowedDestinations } from '../../domain/routing/route-fixes';
import type { Finding } from '../../domain/rules/codes';
import { useAppStore } from '../../store/app-store';
import { findingIndexesOf } from '../../store/selectors';

/** The codes of findings about one route of a table (ranges[0] is the route's destination). */
export const ROUTE_CODES: ReadonlySet<string> = new Set([
  'ROUTE_INSIDE_CLUSTER_CIDR',
  'ROUTE_SHADOWED_BY_CLUSTER',
  'ROUTE_INSIDE_VPC',
  'ROUTE_TARGET_INVALID',
]);

/** The findings about this table's routes, by destination. */
export function useRouteFindings(tableId: string): ReadonlyMap<string, Finding[]> {
  const indexes = useAppStore(findingIndexesOf(tableId));
  const findings = useAppStore((s) => s.analysis?.findings);
  const out = new Map<string, Finding[]>();
  for (const i of indexes) {
    const f = findings?.[i];
    if (!f || f.objects[0] !== tableId || !ROUTE_CODES.has(f.code) || !f.ranges[0]) continue;
    out.set(f.ranges[0], [...(out.get(f.ranges[0]) ?? []), f]);
  }
  return out;
}

/** The one-click ways out of a route's problem: remove it, narrow it, or accept the conflict. */
export function RouteFixes({
  route,
  findings,
  plan,
  readOnly,
  onRemove,
  onNarrow,
}: {
  route: Route;
  findings: readonly Finding[];
  plan: Plan;
  readOnly: boolean;
  onRemove: () => void;
  onNarrow: (destinations: string[]) => void;
}) {
  return (
    <>
      {findings.map((f, k) => {
        const cluster = plan.clusters.find((c) => c.id === f.objects[1]);
        const cc = cluster?.containerCidr;
        const clusterCode =
          f.code === 'ROUTE_INSIDE_CLUSTER_CIDR' || f.code === 'ROUTE_SHADOWED_BY_CLUSTER';
        const narrowed = clusterCode && cc ? narrowedDestinations(route.destination, cc) : [];
        return (
          <div
            key={`${f.code}-${k}`}
            className={`cc-finding cc-finding--${f.severity} cc-route-problem`}
            role="group"
            aria-label={`Problem with route ${route.destination}`}
          >
            <code>{f.code}</code>
            <p>{f.message}</p>
            {clusterCode && cc && narrowed.length === 0 && (
              <p className="cc-muted">
                A narrower route cannot help: all of {route.destination} is inside {cc}.
              </p>
            )}
            <div className="cc-route-problem__fixes">
              <button
                type="button"
                className="cc-button cc-button--small"
                disabled={readOnly}
                onClick={onRemove}
              >
                Remove the route
              </button>
              {narrowed.length > 0 && (
                <button
                  type="button"
                  className="cc-button cc-button--small"
                  disabled={readOnly}
                  onClick={() => onNarrow(narrowed)}
                  title={`Keep the route for the addresses outside ${cc}`}
                >
                  Narrow to {narrowed.join(', ')}
                </button>
              )}
              {f.code === 'ROUTE_INSIDE_CLUSTER_CIDR' &&
                cluster &&
                !cluster.ignoreRouteConflict && (
                  <button
                    type="button"
                    className="cc-button cc-button--small"
                    disabled={readOnly}
                    title="TKE creates the cluster despite the conflict; the finding becomes a warning"
                    onClick={() =>
                      useAppStore.getState().apply(
                        [
                          {
                            op: 'update',
                            collection: 'clusters',
                            id: cluster.id,
                            set: { ignoreRouteConflict: true },
                          },
                        ],
                        { label: 'Ignore route conflict' },
                      )
                    }
                  >
                    Ignore the conflict in {label(cluster)}
                  </button>
                )}
            </div>
          </div>
        );
      })}
    </>
  );
}
