// One comment with its replies, and (unless the view is read-only) the ways to answer it.
import { Check, RotateCcw, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import type { PlanComment } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import { commentOn, removeComment, replyTo, setResolved } from '../../store/comment-actions';
import { withAuthor } from './author';

export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function CommentThread({ comment, readOnly }: { comment: PlanComment; readOnly: boolean }) {
  return (
    <article
      className={`cc-comment${comment.resolved ? ' is-resolved' : ''}`}
      aria-label={`Comment by ${comment.author}`}
      data-comment={comment.id}
    >
      <header className="cc-comment__head">
        <strong>{comment.author}</strong>
        <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
        {comment.resolved && <span className="cc-comment__state">Resolved</span>}
      </header>
      <p className="cc-comment__text">{comment.text}</p>
      {(comment.replies ?? []).length > 0 && (
        <ol className="cc-comment__replies" aria-label="Replies">
          {comment.replies!.map((r, i) => (
            <li key={i}>
              <header className="cc-comment__head">
                <strong>{r.author}</strong>
                <time dateTime={r.createdAt}>{when(r.createdAt)}</time>
              </header>
              <p className="cc-comment__text">{r.text}</p>
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <ThreadActions comment={comment} />}
    </article>
  );
}

function ThreadActions({ comment }: { comment: PlanComment }) {
  const [reply, setReply] = useState('');
  const id = useId();
  const send = () =>
    withAuthor((name) => {
      if (replyTo(useAppStore, comment.id, name, reply)) setReply('');
    });
  return (
    <div className="cc-comment__actions">
      {!comment.resolved && (
        <form
          className="cc-comment__reply"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <label htmlFor={id} className="cc-visually-hidden">
            Reply to {comment.author}
          </label>
          <textarea
            id={id}
            rows={1}
            placeholder="Reply…"
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                send();
              }
            }}
          />
          <button type="submit" className="cc-button cc-button--small" disabled={!reply.trim()}>
            Reply
          </button>
        </form>
      )}
      <div className="cc-row">
        <button
          type="button"
          className="cc-button cc-button--small"
          onClick={() => setResolved(useAppStore, comment.id, !comment.resolved)}
        >
          {comment.resolved ? <RotateCcw size={13} aria-hidden /> : <Check size={13} aria-hidden />}
          {comment.resolved ? 'Reopen' : 'Resolve'}
        </button>
        <button
          type="button"
          className="cc-button cc-button--small"
          aria-label={`Delete comment by ${comment.author}`}
          onClick={() => {
            if (removeComment(useAppStore, comment.id))
              useAppStore.getState().toast('Comment deleted · undo with Ctrl+Z', 'info');
          }}
        >
          <Trash2 size={13} aria-hidden /> Delete
        </button>
      </div>
    </div>
  );
}

/** A box to write a new comment on `object` (or on the plan), signed with the remembered name. */
export function CommentComposer({
  object,
  label,
  button = 'Comment',
}: {
  object: string | undefined;
  label: string;
  button?: string;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const send = () =>
    withAuthor((name) => {
      if (commentOn(useAppStore, object, name, text) !== undefined) setText('');
    });
  return (
    <form
      className="cc-comment-compose"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="cc-field__label">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder="Ask or note something (Ctrl+Enter to send)"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button type="submit" className="cc-button cc-button--small" disabled={!text.trim()}>
        {button}
      </button>
    </form>
  );
}
