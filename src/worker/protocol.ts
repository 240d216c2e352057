// The one typed interface between the designer and the validation worker. The worker keeps its
// own copy of the plan: it gets the whole plan only when one is opened, then each edit as ops.
// Every message carries the plan revision, so the designer can drop results that are stale.
import type { PathScope } from '../domain/analyze';
import type { ClusterCapacity } from '../domain/capacity/capacity';
import type { Plan } from '../domain/model/plan';
import type { PlanOp } from '../domain/ops/ops';
import type { Finding } from '../domain/rules/codes';
import type { PathsDelta } from '../domain/incremental/delta';
import type { PlanDiff } from '../domain/diff/diff';

export type ToWorker =
  | {
      readonly type: 'load';
      readonly revision: number;
      readonly plan: Plan;
      readonly scope: PathScope;
    }
  | { readonly type: 'edit'; readonly revision: number; readonly ops: readonly PlanOp[] }
  | { readonly type: 'scope'; readonly scope: PathScope }
  /**
   * Compare the plan, from now on and edit by edit, with `base` (an earlier version or a file);
   * null ends the comparison. `id` tells one comparison's answers from another's.
   */
  | { readonly type: 'compare'; readonly id: number; readonly base: Plan | null };

export type FromWorker =
  | {
      readonly type: 'result';
      readonly revision: number;
      /** Absent when they did not change: the previous findings still hold. */
      readonly findings?: readonly Finding[];
      /** Every cluster's capacity when clusters came or went; else absent, and */
      readonly capacity?: readonly ClusterCapacity[];
      /** the clusters whose capacity changed, if any. */
      readonly capacityChanged?: readonly ClusterCapacity[];
      /** What changed in the paths, or all of them. */
      readonly paths: PathsDelta;
      readonly ms: number;
      /** While comparing: the diff of this revision against the base, when it may have moved. */
      readonly diff?: { readonly compare: number; readonly diff: PlanDiff; readonly ms: number };
    }
  | {
      readonly type: 'failed';
      readonly revision: number;
      readonly message: string;
      readonly stack?: string;
    };
