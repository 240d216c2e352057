// The comments on the object in the inspector: open threads first, resolved ones folded away.
import { MessageSquare } from 'lucide-react';
import { useAppStore } from '../../store/app-store';
import { selectComments, selectReadOnly } from '../../store/selectors';
import { CommentComposer, CommentThread } from './CommentThread';
import './comments.css';

export function ObjectComments({ objectId }: { objectId: string }) {
  const all = useAppStore(selectComments);
  const readOnly = useAppStore(selectReadOnly);
  const mine = all.filter((c) => c.object === objectId);
  const open = mine.filter((c) => !c.resolved);
  const resolved = mine.filter((c) => c.resolved);
  return (
    <section className="cc-object-comments" aria-label="Comments on this object">
      <h3>
        <MessageSquare size={14} aria-hidden /> Comments
        {open.length > 0 && <span className="cc-comment-count">{open.length} open</span>}
      </h3>
      {open.map((c) => (
        <CommentThread key={c.id} comment={c} readOnly={readOnly} />
      ))}
      {resolved.length > 0 && (
        <details className="cc-comments-resolved">
          <summary>{resolved.length} resolved</summary>
          {resolved.map((c) => (
            <CommentThread key={c.id} comment={c} readOnly={readOnly} />
          ))}
        </details>
      )}
      {mine.length === 0 && readOnly && <p className="cc-muted">No comments.</p>}
      {!readOnly && <CommentComposer object={objectId} label="Add a comment" />}
    </section>
  );
}
