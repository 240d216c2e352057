// The share link: the plan in the URL fragment, copied to the clipboard.
import { useMemo, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { Modal } from '../ui/modal';
import { MAX_SHARE_CHARS, shareLink } from './share';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const plan = useAppStore((s) => s.plan);
  const link = useMemo(() => shareLink(plan, window.location.href), [plan]);
  const [copied, setCopied] = useState(false);
  return (
    <Modal label="Share link" onClose={onClose}>
      <h2>Share link</h2>
      {link.ok ? (
        <>
          <p className="cc-muted">
            The whole plan is in the link, after the #: it never reaches a server. Whoever opens it
            sees the plan read-only and can edit a copy. ({Math.round(link.chars / 1024)} of{' '}
            {MAX_SHARE_CHARS / 1024} kB)
          </p>
          <textarea
            className="cc-share-url"
            readOnly
            value={link.url}
            aria-label="Link"
            rows={4}
            onFocus={(e) => e.target.select()}
          />
          <div className="cc-row">
            <button
              type="button"
              className="cc-button"
              onClick={() => {
                void navigator.clipboard?.writeText(link.url).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <button type="button" className="cc-button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="alert">{link.message}</p>
          <button type="button" className="cc-button" onClick={onClose}>
            Close
          </button>
        </>
      )}
    </Modal>
  );
}
