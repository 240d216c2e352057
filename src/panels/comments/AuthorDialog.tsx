// The one question before a first comment: the name it is signed with.
import { useEffect, useRef, useState } from 'react';
import { useAuthorPrompt } from './author';

export function AuthorDialog() {
  const open = useAuthorPrompt((s) => s.pending !== null);
  if (!open) return null;
  return <AuthorForm />;
}

function AuthorForm() {
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    returnTo.current = document.activeElement;
    input.current?.focus();
    return () => (returnTo.current as HTMLElement | null)?.focus?.();
  }, []);
  const { answer, cancel } = useAuthorPrompt.getState();
  return (
    <div className="cc-overlay" role="presentation" onClick={cancel}>
      <form
        className="cc-dialog cc-author-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cc-author-title"
        aria-describedby="cc-author-why"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancel();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          answer(name);
        }}
      >
        <h2 id="cc-author-title">Your name</h2>
        <p id="cc-author-why" className="cc-muted">
          Comments are signed with it. This browser remembers it, so you are asked only once.
        </p>
        <div className="cc-field">
          <label htmlFor="cc-author-name">Name</label>
          <input
            id="cc-author-name"
            type="text"
            ref={input}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            required
          />
        </div>
        <div className="cc-row">
          <button type="submit" className="cc-button" disabled={name.trim() === ''}>
            Save and comment
          </button>
          <button type="button" className="cc-button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
