// Reservation and comment edits go through the store's history like any other edit.
import { describe, expect, it } from 'vitest';
import { removeObjects } from '../domain/ops/cascade';
import { addComment, createReservation, replyToComment } from '../domain/ops/notes';
import { basePlan, comment } from '../test-support/builders';
import { createAppStore } from './store';

const at = '2026-12-01T09:30:00Z';

describe('notes in the store', () => {
  it('each note edit is one undo step', () => {
    const p = basePlan();
    const store = createAppStore(p);
    const s = () => store.getState();
    s().apply(createReservation(s().plan, { cidr: '10.0.64.0/18', vpc: 'vpc-a' }).ops);
    const made = addComment(s().plan, {
      object: 'cls-1',
      author: 'Li',
      text: 'Why?',
      createdAt: at,
    });
    s().apply(made.ops);
    s().apply(replyToComment(s().plan, made.id, { author: 'Ana', text: 'Pods', createdAt: at }));
    expect(s().plan.comments![0]!.replies).toHaveLength(1);
    s().undo();
    expect(s().plan.comments![0]!.replies).toBeUndefined();
    s().undo();
    s().undo();
    expect(s().plan).toStrictEqual(p);
    s().redo();
    expect(s().plan.reservations).toHaveLength(1);
  });

  it('deleting an object keeps its comments on the plan, in one Delete step that undo restores', () => {
    const p = basePlan({ comments: [comment('cm-1', 'about the database', { object: 'db-1' })] });
    const store = createAppStore(p);
    const s = () => store.getState();
    s().apply(removeObjects(s().plan, ['db-1']), { label: 'Delete' });
    expect(s().plan.resources).toEqual([]);
    expect(s().plan.comments).toEqual([comment('cm-1', 'about the database')]);
    s().undo();
    expect(s().plan).toStrictEqual(p);
  });
});
