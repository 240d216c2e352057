// Every comment of the plan, grouped by what it is about (the plan first), open or resolved.
// A line selects its object and brings it into view; the inspector then shows the thread.
import { ChevronRight, MessageSquare } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import type { PlanComment } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import {
  nameOf,
  selectComments,
  selectNames,
  selectOpenCommentTotal,
  selectReadOnly,
} from '../../store/selectors';
import { CommentComposer, CommentThread } from './CommentThread';
import { groupComments } from './group';
import './comments.css';

const OPEN_KEY = 'cidr-canvas.commentsPanel';

function remembered(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === 'open';
  } catch {
    return false;
  }
}

/**
 * Folded to a strip at the dock's right edge, or unfolded as a drawer over the paths: a third
 * column would leave the problems and paths too narrow to read on a laptop screen.
 */
export function CommentsPanel() {
  const [unfolded, setUnfolded] = useState(remembered);
  const openCount = useAppStore(selectOpenCommentTotal);
  const toggle = (on: boolean) => {
    setUnfolded(on);
    try {
      localStorage.setItem(OPEN_KEY, on ? 'open' : 'closed');
    } catch {
      // Not remembered; still toggled.
    }
  };
  return (
    <div className="cc-comments-dock">
      <button
        type="button"
        className="cc-comments-strip"
        aria-expanded={unfolded}
        aria-controls="cc-comments-panel"
        aria-label={`${unfolded ? 'Hide' : 'Show'} comments (${openCount} open)`}
        title={`${unfolded ? 'Hide' : 'Show'} comments`}
        onClick={() => toggle(!unfolded)}
      >
        <MessageSquare size={15} aria-hidden />
        <span className="cc-comments-strip__count">{openCount}</span>
        <span className="cc-comments-strip__word">Comments</span>
      </button>
      {unfolded && <CommentsList onHide={() => toggle(false)} />}
    </div>
  );
}

function CommentsList({ onHide }: { onHide: () => void }) {
  const all = useDeferredValue(useAppStore(selectComments));
  const names = useAppStore(selectNames);
  const readOnly = useAppStore(selectReadOnly);
  const [show, setShow] = useState<'open' | 'resolved'>('open');
  const openCount = all.filter((c) => !c.resolved).length;
  const groups = groupComments(all, show === 'resolved');
  return (
    <section className="cc-comments" id="cc-comments-panel" role="region" aria-label="Comments">
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
        <span className="cc-spacer" />
        <button
          type="button"
          className="cc-button cc-button--small"
          aria-label="Hide comments"
          onClick={onHide}
        >
          <ChevronRight size={16} aria-hidden />
        </button>
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
