/** Why a document could not be read as a plan, and where. */
export type PlanErrorKind =
  'json' | 'too-large' | 'format' | 'version' | 'too-new' | 'migration' | 'schema' | 'integrity';

export interface PlanError {
  readonly kind: PlanErrorKind;
  /** JSON path of the first bad field, as `$.vpcs[0].cidr`; `$` for the whole document. */
  readonly path: string;
  /** What was wrong and what was expected there. */
  readonly message: string;
}

export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function formatPlanError(e: PlanError): string {
  return `${e.path}: ${e.message}`;
}

/** `$.vpcs[0].cidr` from path segments. */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
