// A plan as Terraform for the tencentcloud provider (registry source tencentcloudstack/tencentcloud),
// carrying every object of the plan (docs/terraform-mapping.md lists what becomes what). Resource
// types, argument names and their limits are the provider's own, from its documentation and Go
// schemas. Three things carry a plan: arguments and references for what the provider can say; a
// `cidr-canvas-id` tag with the plan id on every resource that has tags; and, above each object's
// blocks, a `# cidr-canvas: {...}` line with the object exactly as the plan writes it, for what
// Terraform cannot say (exact IPv6 ranges, non-masquerade ranges, reservations...), so that an
// import can rebuild the plan exactly.
// The output is deterministic: the plan's order, names from the objects' names.
// The writing is in ./terraform/: one module per family of resources, the shared context, the file.
import type { Plan } from '../../domain/model/plan';
import type { Finding } from '../../domain/rules/codes';
import { NameAllocator } from './hcl';
import { PLAN_ID_TAG } from './terraform-carry';
import { namedObjects, TfContext } from './terraform/context';
import { writeTerraform } from './terraform/file';

export { FALLBACK_REGION } from './terraform/context';
export { DEFAULT_CLUSTER_VERSION } from './terraform/clusters';

export interface TerraformOptions {
  /**
   * Error findings the plan has, exported anyway at the user's request: the file then opens with
   * a comment listing each of them.
   */
  readonly errors?: readonly Finding[];
}

/** The plan as Terraform (HCL) for the tencentcloud provider. */
export function planToTerraform(plan: Plan, options: TerraformOptions = {}): string {
  return writeTerraform(new TfContext(plan), options.errors ?? []);
}

/** The Terraform name each plan object's main resource gets (`vpc-a` named prod: `prod`). */
export function terraformNames(plan: Plan): ReadonlyMap<string, string> {
  const names = new NameAllocator();
  return new Map(namedObjects(plan).map((o) => [o.id, names.name(o.id, o.name ?? o.id)]));
}

export { PLAN_ID_TAG };
