// Comment commands and the open-count selector the canvas badges read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basePlan, comment } from '../test-support/builders';
import { commentOn, removeComment, replyTo, setResolved } from './comment-actions';
import { openCommentCountOf, openCommentCounts, selectComments } from './selectors';
import { createAppStore } from './store';

describe('comment commands', () => {
  it('add, reply and resolve are each one undo step, and the badge count follows', () => {
    const store = createAppStore(basePlan());
    const s = () => store.getState();
    const count = () => openCommentCountOf('cls-1')(s());
    expect(count()).toBe(0);
    const id = commentOn(store, 'cls-1', 'Li Wei', '  Why /16?  ')!;
    expect(id).toBeDefined();
    expect(selectComments(s())[0]).toMatchObject({ id, object: 'cls-1', text: 'Why /16?' });
    expect(Date.parse(selectComments(s())[0]!.createdAt)).not.toBeNaN();
    expect(count()).toBe(1);
    expect(replyTo(store, id, 'Ana', 'Room for 500 nodes')).toBe(true);
    expect(selectComments(s())[0]!.replies).toHaveLength(1);
    expect(setResolved(store, id, true)).toBe(true);
    expect(count()).toBe(0);
    s().undo();
    expect(count()).toBe(1);
    s().undo();
    expect(selectComments(s())[0]!.replies).toBeUndefined();
    s().undo();
    expect(selectComments(s())).toEqual([]);
  });

  it('a comment on the plan has no object and counts on no node', () => {
    const store = createAppStore(basePlan());
    const id = commentOn(store, undefined, 'Li', 'Check the peering')!;
    expect(store.getState().plan.comments![0]!.object).toBeUndefined();
    expect(openCommentCounts(store.getState()).size).toBe(0);
    expect(removeComment(store, id)).toBe(true);
    expect(store.getState().plan.comments).toEqual([]);
  });

  it('writes nothing when the text is blank or the view is read-only', () => {
    const store = createAppStore(basePlan({ comments: [comment('cm-1', 'x')] }));
    const before = store.getState().plan;
    expect(commentOn(store, 'cls-1', 'Li', '   ')).toBeUndefined();
    expect(replyTo(store, 'cm-1', 'Li', '')).toBe(false);
    store.getState().setSharedView(true);
    expect(commentOn(store, 'cls-1', 'Li', 'hello')).toBeUndefined();
    expect(replyTo(store, 'cm-1', 'Li', 'hello')).toBe(false);
    expect(setResolved(store, 'cm-1', true)).toBe(false);
    expect(removeComment(store, 'cm-1')).toBe(false);
    expect(store.getState().plan).toBe(before);
  });
});

describe('open comment counts', () => {
  it('equal a plain count of unresolved comments per object', () => {
    const arb = fc.array(
      fc.record({
        object: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
        resolved: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const comments = specs.map((x, i) =>
          comment(`cm-${i}`, 't', {
            ...(x.object !== undefined ? { object: x.object } : {}),
            ...(x.resolved !== undefined ? { resolved: x.resolved } : {}),
          }),
        );
        const st = { plan: basePlan({ comments }) };
        for (const id of ['a', 'b', 'c', 'd']) {
          const oracle = comments.filter((c) => c.object === id && c.resolved !== true).length;
          expect(openCommentCountOf(id)(st)).toBe(oracle);
        }
      }),
    );
  });

  it('is the same map while the comment list is unchanged (moves do not recount)', () => {
    const store = createAppStore(
      basePlan({ comments: [comment('cm-1', 'x', { object: 'cls-1' })] }),
    );
    const first = openCommentCounts(store.getState());
    store.getState().apply([{ op: 'layout', id: 'cls-1', box: { x: 5, y: 5 } }]);
    expect(openCommentCounts(store.getState())).toBe(first);
  });
});
