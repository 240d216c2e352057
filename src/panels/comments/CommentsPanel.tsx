// Every comment of the plan, grouped by what it is about (the plan first), open or resolved.
// A line selects its object and brings it into view; the inspector then shows the thread.
import { useDeferredValue, useState } from 'react';
import type { PlanComment } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import { nameOf, selectComments, selectNames } from '../../store/selectors';
import { CommentComposer, CommentThread } from './CommentThread';
import { groupComments } from './group';
import './comments.css';

export function CommentsPanel() {
  const all = useDeferredValue(useAppStore(selectComments));
  const names = useAppStore(selectNames);
  const readOnly = useAppStore((s) => s.readOnly);
  const [show, setShow] = useState<'open' | 'resolved'>('open');
  const openCount = all.filter((c) => !c.resolved).length;
  const groups = groupComments(all, show === 'resolved');
  return (
    <section className="cc-comments" role="region" aria-label="Comments">
      <header className="cc-dock__head">
        <h2>Comments</h2>
        <div className="cc-seg" role="group" aria-label="Show">
          <button
            type="button"
            className={`cc-count cc-toggle${show === 'open' ? ' is-on' : ''}`}
            aria-pressed={show === 'open'}
            onClick={() => setShow('open')}
          >
            {openCount} open
          </button>
          <button
            type="button"
            className={`cc-count cc-toggle${show === 'resolved' ? ' is-on' : ''}`}
            aria-pressed={show === 'resolved'}
            onClick={() => setShow('resolved')}
          >
            {all.length - openCount} resolved
          </button>
        </div>
      </header>
      <div className="cc-comments__body">
        {groups.length === 0 && (
          <p className="cc-empty">
            {show === 'open'
              ? 'No open comments. Select an object to comment on it.'
              : 'No resolved comments.'}
          </p>
        )}
        {groups.map((g) => (
          <div key={g.object ?? ''} className="cc-comments__group">
            <h3>{g.object === undefined ? 'The plan' : nameOf(names, g.object)}</h3>
            <ul>
              {g.comments.map((c) =>
                g.object === undefined ? (
                  <li key={c.id}>
                    <CommentThread comment={c} readOnly={readOnly} />
                  </li>
                ) : (
                  <li key={c.id}>
                    <CommentLine comment={c} object={g.object} />
                  </li>
                ),
              )}
            </ul>
          </div>
        ))}
        {!readOnly && (
          <CommentComposer object={undefined} label="Comment on the plan" button="Add" />
        )}
      </div>
    </section>
  );
}

function CommentLine({ comment, object }: { comment: PlanComment; object: string }) {
  const replies = comment.replies?.length ?? 0;
  return (
    <button
      type="button"
      className="cc-comment-line"
      onClick={() => {
        const s = useAppStore.getState();
        s.select([object]);
        s.focus([object]);
      }}
    >
      <strong>{comment.author}</strong>
      <span className="cc-comment-line__text">{comment.text}</span>
      {replies > 0 && (
        <span className="cc-muted">
          {replies} {replies === 1 ? 'reply' : 'replies'}
        </span>
      )}
    </button>
  );
}
