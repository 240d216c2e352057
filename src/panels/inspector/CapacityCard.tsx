// What a cluster can hold, as the validation core computed it.
import { useDeferredValue } from 'react';
import { useAppStore } from '../../store/app-store';
import { capacityOf } from '../../store/selectors';

export function CapacityCard({ clusterId }: { clusterId: string }) {
  const cap = useDeferredValue(useAppStore(capacityOf(clusterId)));
  if (!cap) return <p className="cc-muted">Capacity appears once validation has run.</p>;
  const rows: Array<[string, string]> = [
    [
      'Pods per node',
      cap.podsPerNode === null ? 'set by the pod subnets' : String(cap.podsPerNode),
    ],
    ['Per-node block', cap.perNodeCidrPrefix === null ? '—' : `/${cap.perNodeCidrPrefix}`],
    ['Max nodes', cap.maxNodes === null ? '—' : String(cap.maxNodes)],
    ['Service range', cap.serviceCidr ?? '—'],
    ['Usable services', cap.usableServices === null ? '—' : String(cap.usableServices)],
    ['Free node IPs', String(cap.nodeSubnetFreeIps)],
  ];
  if (cap.podSubnetFreeIps !== undefined) rows.push(['Free pod IPs', String(cap.podSubnetFreeIps)]);
  return (
    <section className="cc-capacity" aria-label="Capacity">
      <h3>Capacity</h3>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd data-capacity={k}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
