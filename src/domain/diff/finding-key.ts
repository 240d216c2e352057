// When two findings are the same one, across plans: its own module so that what needs only the
// key (the versions of the library) does not load the analysis with the diff.
import type { Finding } from '../rules/codes';

/**
 * A finding is the same finding in both plans when its code and objects are (messages may differ;
 * so may the order of its objects: an incremental analysis can name two overlapping subnets in the
 * other order than a full one).
 */
export function findingKey(f: Finding): string {
  return `${f.code}\u0000${[...f.objects].sort().join('\u0000')}`;
}
