// What the page says while the plan last worked on is read back from the library, before the
// designer is drawn: a 100,000-object plan takes seconds to read and check, and a blank page for
// that long looks broken. Plain DOM in the empty root; React's first render replaces it.

const ID = 'cc-boot-progress';

/** Plans smaller than this open before anyone could read a message. */
export const BOOT_PROGRESS_MIN_OBJECTS = 2000;

/** Shows `text` while the designer is not drawn yet (once it is, does nothing). */
export async function bootProgress(text: string): Promise<void> {
  if (typeof document === 'undefined') return;
  const root = document.getElementById('root');
  let el = document.getElementById(ID);
  if (!root || (!el && root.childElementCount > 0)) return;
  if (!el) {
    el = document.createElement('p');
    el.id = ID;
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    el.style.cssText =
      'margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;' +
      'font:16px system-ui,sans-serif;color:#334155';
    root.append(el);
  }
  el.textContent = text;
  // Let the words paint before the reading that follows holds the page.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
