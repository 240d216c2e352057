// Comment edits as store commands: each is one undoable step through `apply`, refused (false or
// undefined) in a read-only view, like every other edit.
import { addComment, deleteComment, replyToComment, resolveComment } from '../domain/ops/notes';
import type { AppStore } from './store';

const now = () => new Date().toISOString();

/** Adds a comment on `object`, or on the plan when it is undefined; returns its id. */
export function commentOn(
  store: AppStore,
  object: string | undefined,
  author: string,
  text: string,
): string | undefined {
  const s = store.getState();
  const body = text.trim();
  if (body === '' || s.readOnly) return undefined;
  const made = addComment(s.plan, { object, author, text: body, createdAt: now() });
  return s.apply(made.ops, { label: 'Comment' }) ? made.id : undefined;
}

export function replyTo(store: AppStore, id: string, author: string, text: string): boolean {
  const s = store.getState();
  const body = text.trim();
  if (body === '' || s.readOnly) return false;
  return s.apply(replyToComment(s.plan, id, { author, text: body, createdAt: now() }), {
    label: 'Reply',
  });
}

export function setResolved(store: AppStore, id: string, resolved: boolean): boolean {
  const s = store.getState();
  if (s.readOnly) return false;
  return s.apply(resolveComment(s.plan, id, resolved), {
    label: resolved ? 'Resolve comment' : 'Reopen comment',
  });
}

export function removeComment(store: AppStore, id: string): boolean {
  const s = store.getState();
  if (s.readOnly) return false;
  return s.apply(deleteComment(s.plan, id), { label: 'Delete comment' });
}
