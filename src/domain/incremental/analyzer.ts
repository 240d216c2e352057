// The validation core kept warm across edits: a plan is analysed once, then each edit costs in
// proportion to what it touches. Findings are kept per VPC, per peering and per CCN; capacity
// per cluster; paths per flow, with what each was computed from. The answer to an edit is what
// changed, not everything again. analyzer.test.ts holds it to a full recomputation.
import {
  ccnFindings,
  connectedFindings,
  flowsFor,
  peeringFindings,
  reservationFindings,
  sortFindings,
  vpcFindings,
  type Analysis,
  type PathScope,
} from '../analyze';
import { clusterCapacity, type ClusterCapacity } from '../capacity/capacity';
import { PlanIndex, type Change } from '../model/plan-index';
import type { Collection, Flow, Plan, PlanObject, Reservation } from '../model/plan';
import { applyOps, isCosmetic, type PlanOp } from '../ops/ops';
import type { Finding } from '../rules/codes';
import { subnetUse } from '../rules/clusters';
import { PathEngine, type PathResult } from '../routing/paths';
import { Router } from '../routing/route-table';
import { emptyDirty, noteChange, suggestionNeighbours, type Dirty } from './changes';
import { pathKey, sameFindings, type AnalysisDelta, type PathsDelta } from './delta';
import { PathBook, type Tracked } from './path-book';

function find(plan: Plan, c: Collection, id: string): PlanObject | undefined {
  return (plan[c] as readonly PlanObject[]).find((o) => o.id === id);
}

export class IncrementalAnalyzer {
  private plan!: Plan;
  private ix!: PlanIndex;
  private router!: Router;
  private engine!: PathEngine;
  private scope: PathScope = { kind: 'none' };
  private readonly vpcF = new Map<string, Finding[]>();
  private readonly peeringF = new Map<string, Finding[]>();
  private readonly ccnF = new Map<string, Finding[]>();
  private connectedF: Finding[] = [];
  /** Reservations are few: their findings are checked again, whole, after any edit that can move them. */
  private reservationF: Finding[] = [];
  private findings: Finding[] = [];
  private readonly capacity = new Map<string, ClusterCapacity>();
  private order: string[] = [];
  private readonly book = new PathBook();

  /** Analyses a plan from scratch. */
  load(plan: Plan, scope: PathScope): AnalysisDelta {
    this.plan = plan;
    this.ix = new PlanIndex(plan);
    this.router = new Router(this.ix);
    this.engine = new PathEngine(this.ix, this.router, true);
    this.scope = scope;
    this.vpcF.clear();
    this.peeringF.clear();
    this.ccnF.clear();
    const use = subnetUse(plan.clusters);
    for (const v of plan.vpcs) this.vpcF.set(v.id, vpcFindings(this.ix, v, use));
    for (const p of plan.peerings) this.peeringF.set(p.id, peeringFindings(this.ix, p));
    for (const c of plan.ccns) this.ccnF.set(c.id, ccnFindings(this.ix, this.router, c));
    this.connectedF = connectedFindings(this.ix);
    this.reservationF = reservationFindings(this.ix);
    this.assembleFindings();
    this.capacity.clear();
    for (const c of plan.clusters) this.capacity.set(c.id, clusterCapacity(this.ix, c));
    this.computeAllPaths();
    return {
      findings: this.findings,
      capacity: this.capacityList(),
      paths: { kind: 'all', paths: this.pathList() },
    };
  }

  /** The paths of other clusters (or all, or none): computed afresh, findings untouched. */
  setScope(scope: PathScope): AnalysisDelta {
    this.scope = scope;
    this.computeAllPaths();
    return { paths: { kind: 'all', paths: this.pathList() } };
  }

  /** The whole analysis as `analyzePlan` gives it (for tests and a full resend). */
  snapshot(): Analysis {
    return { findings: this.findings, capacity: this.capacityList(), paths: this.pathList() };
  }

  get currentPlan(): Plan {
    return this.plan;
  }

  apply(ops: readonly PlanOp[]): AnalysisDelta {
    const replace = ops.findLast((o) => o.op === 'replace');
    if (replace && replace.op === 'replace') {
      const rest = ops.slice(ops.lastIndexOf(replace) + 1);
      this.load(replace.plan, this.scope);
      const d = rest.length > 0 ? this.apply(rest) : undefined;
      return {
        findings: this.findings,
        capacity: this.capacityList(),
        paths: d?.paths.kind === 'all' ? d.paths : { kind: 'all', paths: this.pathList() },
      };
    }
    let plan = this.plan;
    const changes: Change[] = [];
    let flowsChanged = false;
    /** Reservations as they were and are, for each one an op touched. */
    const reserved: Reservation[] = [];
    for (const op of ops) {
      const before = plan;
      plan = applyOps(plan, [op]).plan;
      // Comments change no finding and no path.
      if (isCosmetic(op) || op.op === 'comment') continue;
      if (op.op === 'reservation') {
        const was = before.reservations?.find((r) => r.id === op.id);
        if (was) reserved.push(was);
        if (op.value) reserved.push(op.value);
        continue;
      }
      if (op.op === 'flows') {
        flowsChanged = true;
        continue;
      }
      if (op.op === 'insert') changes.push({ collection: op.collection, after: op.object });
      else if (op.op === 'remove')
        changes.push({ collection: op.collection, before: find(before, op.collection, op.id)! });
      else if (op.op === 'update') {
        changes.push({
          collection: op.collection,
          before: find(before, op.collection, op.id)!,
          after: find(plan, op.collection, op.id)!,
        });
      }
    }
    const oldPlan = this.plan;
    const dirty = emptyDirty();
    for (const c of changes) noteChange(dirty, this.ix, oldPlan, c, 'before');
    this.ix.update(plan, changes);
    this.plan = plan;
    for (const c of changes) noteChange(dirty, this.ix, plan, c, 'after');
    if (changes.length === 0 && !flowsChanged && reserved.length === 0)
      return { paths: { kind: 'some', changed: [], removed: [], order: null } };
    // Suggestions in the VPCs a reservation applies to keep clear of it.
    for (const r of reserved) {
      if (r.vpc === undefined) for (const v of plan.vpcs) dirty.vpcs.add(v.id);
      else {
        dirty.vpcs.add(r.vpc);
        for (const v of this.ix.connectedVpcs(r.vpc).keys()) dirty.vpcs.add(v);
      }
      dirty.connected = true;
    }
    dirty.reservations =
      reserved.length > 0 ||
      (changes.length > 0 &&
        ((plan.reservations?.length ?? 0) > 0 || (oldPlan.reservations?.length ?? 0) > 0));
    suggestionNeighbours(this.ix, dirty, (v) =>
      (this.vpcF.get(v) ?? []).flatMap((f) => (f.suggestion ? [f.suggestion] : [])),
    );

    this.router.invalidate(dirty.routerVpcs, dirty.routerCcns);
    const findingsChanged = this.refreshFindings(dirty);
    const capacity = this.refreshCapacity(dirty);
    const paths = flowsChanged ? this.recomputeAllPaths() : this.refreshPaths(dirty);
    return {
      ...(findingsChanged ? { findings: this.findings } : {}),
      ...(capacity === 'all'
        ? { capacity: this.capacityList() }
        : capacity.length > 0
          ? { capacityChanged: capacity }
          : {}),
      paths,
    };
  }

  // ---- findings and capacity -----------------------------------------------------------------

  /** Re-checks what `d` touched; true when a finding came, went or changed. */
  private refreshFindings(d: Dirty): boolean {
    let changed = d.membership;
    const put = (parts: Map<string, Finding[]>, id: string, now: Finding[] | undefined) => {
      const before = parts.get(id);
      if (now) parts.set(id, now);
      else parts.delete(id);
      if (!sameFindings(before ?? [], now ?? [])) changed = true;
    };
    const use = d.vpcs.size > 0 ? subnetUse(this.plan.clusters) : undefined;
    for (const id of d.vpcs) {
      const v = this.ix.vpc(id);
      put(this.vpcF, id, v ? vpcFindings(this.ix, v, use!) : undefined);
    }
    for (const id of d.peerings) {
      const p = this.ix.peering(id);
      put(this.peeringF, id, p ? peeringFindings(this.ix, p) : undefined);
    }
    for (const id of d.ccns) {
      const c = this.ix.ccn(id);
      put(this.ccnF, id, c ? ccnFindings(this.ix, this.router, c) : undefined);
    }
    if (d.connected) {
      const now = connectedFindings(this.ix);
      if (!sameFindings(this.connectedF, now)) changed = true;
      this.connectedF = now;
    }
    if (d.reservations) {
      const now = reservationFindings(this.ix);
      if (!sameFindings(this.reservationF, now)) changed = true;
      this.reservationF = now;
    }
    if (changed) this.assembleFindings();
    return changed;
  }

  private assembleFindings(): void {
    const parts: Finding[][] = [];
    for (const v of this.plan.vpcs) parts.push(this.vpcF.get(v.id) ?? []);
    for (const p of this.plan.peerings) parts.push(this.peeringF.get(p.id) ?? []);
    for (const c of this.plan.ccns) parts.push(this.ccnF.get(c.id) ?? []);
    parts.push(this.connectedF);
    parts.push(this.reservationF);
    this.findings = sortFindings(parts.flat());
  }

  /**
   * Re-computes the capacity of the clusters `d` touched: 'all' when clusters came or went (the
   * list's order changes), else the ones whose capacity changed.
   */
  private refreshCapacity(d: Dirty): 'all' | ClusterCapacity[] {
    let all = d.membership;
    const changed: ClusterCapacity[] = [];
    for (const id of d.clusters) {
      const c = this.ix.cluster(id);
      const before = this.capacity.get(id);
      if (!c) {
        this.capacity.delete(id);
        all = true;
        continue;
      }
      const now = clusterCapacity(this.ix, c);
      this.capacity.set(id, now);
      if (!before) all = true;
      else if (JSON.stringify(before) !== JSON.stringify(now)) changed.push(now);
    }
    return all ? 'all' : changed;
  }

  private capacityList(): ClusterCapacity[] {
    return this.plan.clusters.map((c) => this.capacity.get(c.id)!);
  }

  // ---- paths ---------------------------------------------------------------------------------

  /** The flows in scope, in the order `analyzePlan` evaluates them. */
  private flows(): Flow[] {
    return flowsFor(this.ix, this.scope);
  }

  private pathList(): PathResult[] {
    return this.order.map((k) => this.book.get(k)!.path);
  }

  private computeAllPaths(): void {
    this.book.clear();
    this.order = [];
    for (const f of this.flows()) {
      const key = pathKey(f);
      this.order.push(key);
      this.book.remember(key, this.evaluate(f, key));
    }
  }

  private recomputeAllPaths(): PathsDelta {
    this.computeAllPaths();
    return { kind: 'all', paths: this.pathList() };
  }

  /**
   * One path, read from a template where the destination's subnet allows. `key` is the flow's
   * path key: callers have it, and an edit of a cluster re-evaluates all its paths (68,000 at
   * 100k), so the key is not built and hashed again per path.
   */
  private evaluate(f: Flow, key: string): Tracked {
    const c = this.ix.cluster(f.from);
    const r = this.ix.resource(f.to);
    if (c && r && !this.plan.flows) {
      const template = this.engine.templateKeyOf(c, r);
      if (template !== null) {
        const path = this.engine.flow(f);
        this.book.noteUser(c.id, template, key);
        return { path, template, deps: null };
      }
    }
    const { path, deps } = this.engine.tracked(f);
    return { path, template: null, deps };
  }

  private refreshPaths(d: Dirty): PathsDelta {
    const dropped = this.engine.invalidate(d.paths);
    // The list of flows changes only when objects come or go.
    let flows: Flow[] | null = null;
    let removed: string[] = [];
    let order: string[] | null = null;
    if (d.membership) {
      flows = this.flows();
      const keys = flows.map(pathKey);
      const wanted = new Set(keys);
      removed = this.order.filter((k) => !wanted.has(k));
      for (const k of removed) this.book.forget(k);
      if (keys.length !== this.order.length || keys.some((k, i) => k !== this.order[i]))
        order = keys;
      this.order = keys;
    }
    const redo = this.book.stale(dropped, d.paths);
    const changed: PathResult[] = [];
    const evaluateKey = (f: Flow, k: string) => {
      const before = this.book.get(k);
      const t = this.evaluate(f, k);
      if (!before) {
        this.book.remember(k, t);
        changed.push(t.path);
        return;
      }
      // Re-evaluated is not changed: only paths that say something new travel back.
      if (this.book.replace(k, before, t)) changed.push(t.path);
    };
    if (flows) {
      for (const f of flows) {
        const k = pathKey(f);
        if (!this.book.has(k) || redo.has(k)) evaluateKey(f, k);
      }
    } else {
      for (const k of redo) {
        const t = this.book.get(k);
        // A path's ends are its flow's, so `k` is this flow's key.
        if (t) evaluateKey({ from: t.path.from, to: t.path.to }, k);
      }
    }
    return { kind: 'some', changed, removed, order };
  }
}
