// Who is writing: asked once, then remembered in this browser. Kept out of the app store: it is
// neither part of the plan nor of the session's state that undo or autosave look at.
import { create } from 'zustand';

export const AUTHOR_KEY = 'cidr-canvas.author';

export function savedAuthor(): string | null {
  try {
    const name = localStorage.getItem(AUTHOR_KEY)?.trim();
    return name ? name : null;
  } catch {
    return null;
  }
}

export function saveAuthor(name: string): void {
  try {
    localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // Storage refused (private mode, quota): the name still holds for this comment.
  }
}

interface AuthorPrompt {
  /** What to do with the name once given; null while no one is asked. */
  pending: ((name: string) => void) | null;
  ask: (then: (name: string) => void) => void;
  answer: (name: string) => void;
  cancel: () => void;
}

export const useAuthorPrompt = create<AuthorPrompt>()((set, get) => ({
  pending: null,
  ask: (then) => set({ pending: then }),
  answer: (name) => {
    const then = get().pending;
    const clean = name.trim();
    if (!clean) return;
    saveAuthor(clean);
    set({ pending: null });
    then?.(clean);
  },
  cancel: () => set({ pending: null }),
}));

/** Runs `then` with the author's name, asking for it first if this browser does not know it. */
export function withAuthor(then: (name: string) => void): void {
  const name = savedAuthor();
  if (name) then(name);
  else useAuthorPrompt.getState().ask(then);
}
