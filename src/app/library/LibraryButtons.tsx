// The toolbar's way into the library: Plans and Versions, each opening its dialog.
import { History, Library } from 'lucide-react';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { PlansDialog } from './PlansDialog';
import { VersionsDialog } from './VersionsDialog';
import './library.css';

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
      {open === 'plans' && createPortal(<PlansDialog onClose={close} />, document.body)}
      {open === 'versions' && createPortal(<VersionsDialog onClose={close} />, document.body)}
    </>
  );
}
