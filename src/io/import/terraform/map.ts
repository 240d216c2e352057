// Terraform resources of the tencentcloud provider as plan objects, whichever file they came from
// (a state or .tf files). A value that is not there is left out; a value that is there and wrong
// (a CIDR that does not parse, an id that names nothing in the input) stops the import with the
// resource's address. Each kind of object is read after the ones it refers to.
import type { Plan } from '../../../domain/model/plan';
import type { TfResource } from '../resources';
import type { ImportProblem, SkipList } from '../types';
import { mapIdcs } from './idcs';
import { Mapping } from './mapping';
import { mapNetwork } from './network';
import { mapLinks } from './routes';
import { mapWorkloads } from './workloads';

/** Plan objects from Terraform resources; problems (with their places) instead when any is wrong. */
export function mapTerraform(
  resources: readonly TfResource[],
  skipped: SkipList,
): { ok: true; plan: Plan; notes: string[] } | { ok: false; problems: ImportProblem[] } {
  const m = new Mapping(resources, skipped);
  mapNetwork(m);
  mapWorkloads(m);
  mapIdcs(m);
  mapLinks(m);
  if (m.problems.length > 0) return { ok: false, problems: m.problems };
  return { ok: true, plan: m.plan(), notes: m.notes };
}
