// "Size this cluster" in a cluster's inspector: target nodes, pods per node and services give
// the smallest container CIDR (or, for VPC-CNI, pod subnets per zone) by rules.md's capacity
// formula, placed where nothing connected conflicts, with the blocks passed over and why.
// Apply is one undo step (domain: planning/size-cluster.ts).
import { Ruler } from 'lucide-react';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { planIndexOf } from '../../domain/model/plan-index';
import type { Cluster, Plan } from '../../domain/model/plan';
import { sizeExistingCluster } from '../../domain/planning/size-cluster';
import {
  DEFAULT_SUGGEST_PODS_PER_NODE,
  DEFAULT_SUGGEST_SERVICES,
} from '../../domain/planning/suggest';
import { applyClusterSizing } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import './planner.css';

/** Blocks passed over that are listed; the count says how many there were. */
const REJECTED_SHOWN = 4;
const n = (x: number) => x.toLocaleString('en-US');

function count(text: string): number | string {
  const t = text.trim();
  if (!/^[0-9]+$/.test(t)) return 'Expected a whole number';
  const v = Number(t);
  return v >= 1 && v <= 1_000_000 ? v : 'Expected a whole number from 1 to 1,000,000';
}

function NumberField(props: {
  label: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className={`cc-field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && (
        <div className="cc-field__error" role="alert" id={`${id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

export function SizeClusterCard({ plan, cluster }: { plan: Plan; cluster: Cluster }) {
  const readOnly = useAppStore((s) => s.readOnly);
  const [nodes, setNodes] = useState(String(cluster.nodeCount ?? 50));
  const [pods, setPods] = useState(String(DEFAULT_SUGGEST_PODS_PER_NODE));
  const [services, setServices] = useState(String(cluster.maxServices ?? DEFAULT_SUGGEST_SERVICES));
  const [applied, setApplied] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Typing stays quick on a large plan: the search follows the deferred values.
  const dNodes = useDeferredValue(nodes);
  const dPods = useDeferredValue(pods);
  const dServices = useDeferredValue(services);
  const dPlan = useDeferredValue(plan);
  const v = { nodes: count(nodes), pods: count(pods), services: count(services) };
  const bad = (x: number | string) => (typeof x === 'string' ? x : undefined);
  const result = useMemo(() => {
    const a = { nodes: count(dNodes), pods: count(dPods), s: count(dServices) };
    if (typeof a.nodes !== 'number' || typeof a.pods !== 'number' || typeof a.s !== 'number')
      return undefined;
    return sizeExistingCluster(dPlan, planIndexOf(dPlan), cluster.id, {
      nodes: a.nodes,
      podsPerNode: a.pods,
      services: a.s,
    });
  }, [dNodes, dPods, dServices, dPlan, cluster.id]);
  const edit = (set: (x: string) => void) => (x: string) => {
    set(x);
    setApplied(undefined);
    setError(undefined);
  };
  const unchanged =
    result?.ok &&
    (result.mode === 'global-router'
      ? result.containerCidr === cluster.containerCidr &&
        result.maxPodsPerNode === cluster.maxPodsPerNode &&
        result.maxServices === cluster.maxServices &&
        cluster.serviceCidr === undefined &&
        Number(nodes) === cluster.nodeCount
      : result.subnets.length === 0 && !result.serviceCidr && Number(nodes) === cluster.nodeCount);
  return (
    <section className="cc-planner-card" aria-label="Size this cluster">
      <h3>Size this cluster</h3>
      <div className="cc-size-form">
        <NumberField
          label="Target nodes"
          value={nodes}
          error={bad(v.nodes)}
          disabled={readOnly}
          onChange={edit(setNodes)}
        />
        <NumberField
          label="Pods per node"
          value={pods}
          error={bad(v.pods)}
          disabled={readOnly}
          onChange={edit(setPods)}
        />
        <NumberField
          label="Services"
          value={services}
          error={bad(v.services)}
          disabled={readOnly}
          onChange={edit(setServices)}
        />
      </div>
      {result && !result.ok && (
        <p className="cc-field__error" role="status">
          {result.reason}
        </p>
      )}
      {result?.ok && result.mode === 'global-router' && (
        <dl className="cc-size-result" aria-label="Suggested sizing">
          <div>
            <dt>Container CIDR</dt>
            <dd data-size="containerCidr">{result.containerCidr}</dd>
          </div>
          <div>
            <dt>maxPodsPerNode</dt>
            <dd data-size="maxPodsPerNode">{result.maxPodsPerNode}</dd>
          </div>
          <div>
            <dt>maxServices</dt>
            <dd data-size="maxServices">{result.maxServices}</dd>
          </div>
          <div>
            <dt>Holds nodes</dt>
            <dd data-size="maxNodes">{n(result.maxNodes)}</dd>
          </div>
          <div className="cc-size-result__wide">
            <dt>Services from</dt>
            <dd>{result.serviceCidr} (carved from the container CIDR)</dd>
          </div>
        </dl>
      )}
      {result?.ok && result.mode === 'vpc-cni' && (
        <section className="cc-size-result" aria-label="Suggested sizing">
          <p>
            {n(result.pods)} pods; the pod subnets hold {n(result.present)} now.
            {result.subnets.length === 0
              ? ' Enough: no pod subnet to add.'
              : ` Add ${result.subnets.length} pod subnet${result.subnets.length === 1 ? '' : 's'} of ${n(result.podsPerZone)} pods each:`}
          </p>
          {result.subnets.length > 0 && (
            <ul>
              {result.subnets.map((s) => (
                <li key={s.cidr}>
                  <code>{s.cidr}</code> {s.zone ?? 'no zone'} · {n(s.usableIps)} usable
                </li>
              ))}
            </ul>
          )}
          {result.serviceCidr && <p>Service CIDR {result.serviceCidr}</p>}
        </section>
      )}
      {result?.ok && result.mode === 'global-router' && result.rejectedCount > 0 && (
        <details className="cc-size-rejected">
          <summary>
            {n(result.rejectedCount)} block{result.rejectedCount === 1 ? '' : 's'} passed over
          </summary>
          <ul>
            {result.rejected.slice(0, REJECTED_SHOWN).map((r) => (
              <li key={r.cidr}>
                <code>{r.cidr}</code> {r.because}
              </li>
            ))}
            {result.rejectedCount > REJECTED_SHOWN && (
              <li className="cc-muted">and {n(result.rejectedCount - REJECTED_SHOWN)} more</li>
            )}
          </ul>
        </details>
      )}
      {result?.ok && result.mode === 'global-router' && result.rejectedCount === 0 && (
        <p className="cc-muted">The first block tried is free: nothing passed over.</p>
      )}
      {error && (
        <p className="cc-field__error" role="alert">
          {error}
        </p>
      )}
      {applied && (
        <p className="cc-muted" role="status">
          {applied}
        </p>
      )}
      <button
        type="button"
        className="cc-button cc-button--small"
        disabled={readOnly || !result?.ok || !!unchanged}
        onClick={() => {
          const a = { nodes: count(nodes), pods: count(pods), s: count(services) };
          if (typeof a.nodes !== 'number' || typeof a.pods !== 'number' || typeof a.s !== 'number')
            return;
          const why = applyClusterSizing(useAppStore, cluster.id, {
            nodes: a.nodes,
            podsPerNode: a.pods,
            services: a.s,
          });
          if (why) setError(why);
          else setApplied('Applied · undo with Ctrl+Z');
        }}
      >
        <Ruler size={14} aria-hidden /> Apply
      </button>
    </section>
  );
}
