// The number of open comments on a node. Each node reads one number from a map built once per
// change of the comment list, so an edit re-renders only the nodes whose count changed.
import { MessageSquare } from 'lucide-react';
import { useAppStore } from '../../store/app-store';
import { openCommentCountOf } from '../../store/selectors';
import './comment-badge.css';

export function CommentBadge({ id }: { id: string }) {
  const count = useAppStore(openCommentCountOf(id));
  if (count === 0) return null;
  const words = `${count} open comment${count === 1 ? '' : 's'}`;
  return (
    <span className="cc-comment-badge" data-testid="comment-badge" title={words} aria-label={words}>
      <MessageSquare size={11} aria-hidden /> {count}
    </span>
  );
}
