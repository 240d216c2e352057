// The right-hand panel: every field of the selected object, editable, with its findings and,
// for a cluster, its capacity; a VPC also shows its route tables.
import { useDeferredValue, useEffect } from 'react';
import {
  COLLECTIONS,
  KIND_OF_COLLECTION,
  type Cluster,
  type Collection,
  type PlanObject,
  type RouteTable,
} from '../domain/model/plan';
import { label } from '../domain/model/defaults';
import { usePlanContent } from '../store/hooks';
import { useAppStore } from '../store/app-store';
import { selectReadOnly } from '../store/selectors';
import { CheckedField, expectSlowWrites } from '../ui/fields';
import { RESOURCE_ICONS } from '../ui/icons';
import { UI_KINDS } from '../ui/kinds';
import { PLAN_FIELDS } from '../io/schema-fields';
import { textCheck } from './inspector/checks';

const planNameCheck = textCheck(PLAN_FIELDS.name);
import { CapacityCard } from './inspector/CapacityCard';
import { UtilisationBars } from './inspector/UtilisationBars';
import { ObjectFindings } from './inspector/ObjectFindings';
import { ObjectForm } from './inspector/ObjectForm';
import { ROUTE_CODES, RouteTables, TableEditor } from './inspector/RouteTables';
import { ObjectComments } from './comments/ObjectComments';
import { ChangedFields } from './inspector/ChangedFields';
import { SelectionActions } from './inspector/SelectionActions';
import { JoinSelection } from './inspector/JoinSelection';
import { ReservationsCard } from './inspector/ReservationsCard';
import { SizeClusterCard } from './inspector/SizeClusterCard';
import { SplitJoinCard } from './inspector/SplitJoinCard';

function find(
  plan: ReturnType<typeof useAppStore.getState>['plan'],
  id: string,
): { collection: Collection; object: PlanObject } | undefined {
  for (const c of COLLECTIONS) {
    const o = (plan[c] as readonly PlanObject[]).find((x) => x.id === id);
    if (o) return { collection: c, object: o };
  }
  return undefined;
}

function PlanOverview() {
  const plan = usePlanContent();
  const readOnly = useAppStore(selectReadOnly);
  const counts: Array<[string, number]> = [
    ['VPCs', plan.vpcs.length],
    ['Subnets', plan.subnets.length],
    ['Clusters', plan.clusters.length],
    ['Resources', plan.resources.length],
  ];
  return (
    <div className="cc-inspector__body">
      <CheckedField
        label="Plan name"
        value={plan.name ?? ''}
        disabled={readOnly}
        check={planNameCheck}
        onValue={(v) =>
          useAppStore.getState().apply([{ op: 'name', name: v ?? null }], {
            capture: 'eventually',
            label: 'Rename plan',
          })
        }
        onDone={() => useAppStore.getState().commitGesture()}
      />
      <dl className="cc-counts">
        {counts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="cc-muted">
        Select an object to edit it. Drag kinds from the palette onto the canvas; drag from the dot
        on a VPC&apos;s edge to another VPC to peer them. Select a cluster to see where its pods can
        reach.
      </p>
      <ReservationsCard plan={plan} />
    </div>
  );
}

/** Above this many objects every write redraws enough that fields wait for typing to pause. */
const SLOW_WRITES_OBJECTS = 2000;

export function Inspector() {
  // Selecting is often the first moment of a drag: the form of a large VPC then renders between
  // the frames of the drag instead of holding one of them up.
  const selection = useDeferredValue(useAppStore((s) => s.selection));
  const plan = usePlanContent();
  const large =
    plan.vpcs.length + plan.subnets.length + plan.clusters.length + plan.resources.length >
    SLOW_WRITES_OBJECTS;
  useEffect(() => expectSlowWrites(large), [large]);
  const readOnly = useAppStore(selectReadOnly);
  const found = selection.length === 1 ? find(plan, selection[0]!) : undefined;
  let body;
  if (selection.length > 1) {
    body = (
      <div className="cc-inspector__body">
        <p>{selection.length} objects selected.</p>
        <JoinSelection plan={plan} ids={selection} />
        <SelectionActions readOnly={readOnly} />
      </div>
    );
  } else if (found) {
    const { collection, object } = found;
    const Icon =
      collection === 'resources'
        ? RESOURCE_ICONS[(object as { kind: 'cdb' }).kind]
        : UI_KINDS[KIND_OF_COLLECTION[collection]].icon;
    body = (
      <div className="cc-inspector__body" key={object.id}>
        <div className="cc-inspector__title">
          <Icon size={18} aria-hidden />
          <div>
            <h2>{label(object)}</h2>
            <span className="cc-muted">
              {UI_KINDS[KIND_OF_COLLECTION[collection]].title} · <code>{object.id}</code>
            </span>
          </div>
        </div>
        <ChangedFields id={object.id} />
        <ObjectFindings
          id={object.id}
          {...(collection === 'routeTables' ? { shownElsewhere: ROUTE_CODES } : {})}
        />
        {collection === 'clusters' && <CapacityCard clusterId={object.id} />}
        <UtilisationBars plan={plan} collection={collection} id={object.id} />
        {collection === 'clusters' && <SizeClusterCard plan={plan} cluster={object as Cluster} />}
        {collection === 'routeTables' ? (
          // Its routes, with the problem it was opened from and the ways out of it.
          <TableEditor table={object as RouteTable} plan={plan} readOnly={readOnly} reveal />
        ) : (
          <ObjectForm collection={collection} object={object} />
        )}
        {collection === 'vpcs' && <ReservationsCard plan={plan} vpcId={object.id} />}
        {collection === 'vpcs' && <SplitJoinCard plan={plan} vpcId={object.id} />}
        {collection === 'vpcs' && <RouteTables vpcId={object.id} />}
        <ObjectComments objectId={object.id} />
        <SelectionActions readOnly={readOnly} />
      </div>
    );
  } else if (selection[0] === 'internet') {
    body = (
      <div className="cc-inspector__body">
        <h2>Internet</h2>
        <p className="cc-muted">
          Pods reach it through SNAT: via a NAT gateway that the node subnet&apos;s default route
          points to, or the nodes&apos; public IPs.
        </p>
      </div>
    );
  } else {
    body = <PlanOverview />;
  }
  return (
    <aside className="cc-inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
