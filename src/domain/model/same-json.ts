// Two plan values compared as JSON: the diff, the ops between two plans, a merge and undo on a
// shared plan all ask whether a field still holds the same value.
type Fields = Readonly<Record<string, unknown>>;

/** Equal as JSON values, whatever the order of keys (two files may write them differently). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bs[i])) return false;
    return true;
  }
  // No arrays of keys: this runs on every object of both plans when they come from two files.
  const ao = a as Fields;
  const bo = b as Fields;
  let count = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    count++;
    if (!sameJson(v, bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) count--;
  return count === 0;
}
