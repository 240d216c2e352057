// What the incremental analyzer knows of each path it keeps: the result, where it came from (a
// template, or its own evaluation and what that read), and the indexes that find the paths an
// edit touches without a scan of all 68,000 at 100k.
import { depsAffected, type PathChanges, type PathDeps, type PathResult } from '../routing/paths';
import { samePath } from './delta';

export interface Tracked {
  path: PathResult;
  /** For a path read from a template: the template's key; else what it read. */
  template: string | null;
  deps: PathDeps | null;
}

export class PathBook {
  private readonly tracked = new Map<string, Tracked>();
  /** Per cluster and template key: the paths filled from it. */
  private readonly users = new Map<string, Map<string, Set<string>>>();
  /** Paths by destination, and the paths computed alone (not from a template). */
  private readonly byTarget = new Map<string, Set<string>>();
  private readonly singles = new Set<string>();

  clear(): void {
    this.tracked.clear();
    this.users.clear();
    this.byTarget.clear();
    this.singles.clear();
  }

  get(k: string): Tracked | undefined {
    return this.tracked.get(k);
  }

  has(k: string): boolean {
    return this.tracked.has(k);
  }

  /** Notes that path `k` of `cluster` is filled from template `template`. */
  noteUser(cluster: string, template: string, k: string): void {
    let mine = this.users.get(cluster);
    if (!mine) this.users.set(cluster, (mine = new Map<string, Set<string>>()));
    let set = mine.get(template);
    if (!set) mine.set(template, (set = new Set()));
    set.add(k);
  }

  /**
   * The paths an edit may have changed: those filled from the templates it dropped (per
   * cluster, from `PathEngine.invalidate`), those of a source cluster it changed, those to an
   * object it changed, and those computed alone whose reads it changed.
   */
  stale(dropped: Map<string, Set<string>>, c: PathChanges): Set<string> {
    const redo = new Set<string>();
    for (const [cluster, gone] of dropped) {
      const mine = this.users.get(cluster);
      if (!mine) continue;
      for (const t of gone) {
        for (const k of mine.get(t) ?? []) redo.add(k);
        mine.delete(t);
      }
    }
    if (c.clusters.size > 0) {
      for (const [k, t] of this.tracked) if (c.clusters.has(t.path.from)) redo.add(k);
    }
    for (const id of c.ids) for (const k of this.byTarget.get(id) ?? []) redo.add(k);
    for (const k of this.singles) {
      const t = this.tracked.get(k);
      if (t?.deps && depsAffected(t.deps, c)) redo.add(k);
    }
    return redo;
  }

  remember(k: string, t: Tracked): void {
    this.tracked.set(k, t);
    if (t.template === null) this.singles.add(k);
    let set = this.byTarget.get(t.path.to);
    if (!set) this.byTarget.set(t.path.to, (set = new Set()));
    set.add(k);
  }

  /**
   * Puts `now` in place of `before`, the same flow's earlier evaluation, in `before` itself. Some
   * edits evaluate every path of a cluster again (a rename of its VPC: 68,000 at 100k), and many
   * come out the same: the earlier path object is kept for those, so the new one dies young
   * instead of being copied by the next scavenge (that rename: 900 -> 735 ms, measured side by
   * side). `noteUser` has already noted the key under its template. True when the path changed.
   */
  replace(k: string, before: Tracked, now: Tracked): boolean {
    if (before.template !== now.template && before.template !== null)
      this.users.get(before.path.from)?.get(before.template)?.delete(k);
    if (before.template === null && now.template !== null) this.singles.delete(k);
    else if (before.template !== null && now.template === null) this.singles.add(k);
    before.template = now.template;
    before.deps = now.deps;
    if (samePath(before.path, now.path)) return false;
    before.path = now.path;
    return true;
  }

  forget(k: string): void {
    const t = this.tracked.get(k);
    if (!t) return;
    this.tracked.delete(k);
    this.singles.delete(k);
    this.byTarget.get(t.path.to)?.delete(k);
    if (t.template !== null) this.users.get(t.path.from)?.get(t.template)?.delete(k);
  }
}
