// The toolbar's way into the library: Plans and Versions, each opening its dialog.
import { History, Library } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import './library.css';

// Loaded when opened: the first screen's JavaScript has a budget (docs/performance.md, Bundle).
const PlansDialog = lazy(() => import('./PlansDialog').then((m) => ({ default: m.PlansDialog })));
const VersionsDialog = lazy(() =>
  import('./VersionsDialog').then((m) => ({ default: m.VersionsDialog })),
);

/** On a workspace plan (`shared`) only Versions: they are the workspace's, and Plans are this browser's. */
export function LibraryButtons({ shared = false }: { shared?: boolean }) {
  const [open, setOpen] = useState<'plans' | 'versions' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      {!shared && (
        <button
          type="button"
          data-collapse="1360"
          className="cc-tool"
          onClick={() => setOpen('plans')}
          title="The plans kept in this browser: open, create, rename, duplicate, delete"
        >
          <Library size={16} /> Plans
        </button>
      )}
      <button
        type="button"
        data-collapse="1360"
        className="cc-tool"
        onClick={() => setOpen('versions')}
        title="Save a named version of this plan; restore or compare with one"
      >
        <History size={16} /> Versions
      </button>
      {open &&
        createPortal(
          <Suspense fallback={null}>
            {open === 'plans' ? (
              <PlansDialog onClose={close} />
            ) : (
              <VersionsDialog onClose={close} />
            )}
          </Suspense>,
          document.body,
        )}
    </>
  );
}
