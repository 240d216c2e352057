// What `suggest --format text` prints: the suggestion as a person reads it.
import type { PodSubnetResult, SuggestResult } from '../domain/planning/suggest';

export function suggestText(r: SuggestResult | PodSubnetResult, vpc: string): string {
  const lines: string[] = [];
  if (!r.ok) lines.push(`Nothing fits in VPC ${vpc}: ${r.reason}`);
  else if ('containerCidr' in r) {
    lines.push(
      `Container CIDR ${r.containerCidr} for a new cluster in VPC ${vpc}`,
      `  max pods per node  ${r.maxPodsPerNode}`,
      `  max services       ${r.maxServices} (service CIDR ${r.serviceCidr}, carved from the end)`,
      `  max nodes          ${r.maxNodes}`,
    );
  } else {
    lines.push(
      `Pod subnets in VPC ${vpc} for ${r.pods} pods, ${r.podsPerZone} per zone:`,
      ...r.subnets.map(
        (s) =>
          `  ${(s.zone ?? '(no zone)').padEnd(16)}  ${s.cidr.padEnd(18)}  ${s.usableIps} usable IPs`,
      ),
      `Service CIDR ${r.serviceCidr} (${r.maxServices} services)`,
    );
  }
  if ('rejected' in r && r.rejected.length > 0) {
    lines.push('', `Passed over (${r.rejectedCount}):`);
    for (const x of r.rejected) lines.push(`  ${x.cidr.padEnd(18)}  ${x.because}`);
    if (r.rejectedCount > r.rejected.length)
      lines.push(`  … and ${r.rejectedCount - r.rejected.length} more`);
  }
  return `${lines.join('\n')}\n`;
}
