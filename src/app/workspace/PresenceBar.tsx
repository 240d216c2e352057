// On a workspace plan, in the toolbar: the connection (live, offline with the edits kept here,
// refused and why), who is here, and Follow.
import './workspace.css';
import { EyeOff, Wifi, WifiOff } from 'lucide-react';
import { useAppStore } from '../../store/app-store';
import { useAuthorPrompt } from '../../panels/comments/author';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}

function Status() {
  const status = useAppStore((s) => s.live?.status);
  const unsynced = useAppStore((s) => s.live?.unsynced ?? 0);
  const canEdit = useAppStore((s) => s.live?.canEdit ?? true);
  const text =
    status === 'connected'
      ? canEdit
        ? 'Live'
        : 'Live, read-only'
      : status === 'connecting'
        ? 'Connecting…'
        : status === 'refused'
          ? 'Not connected'
          : unsynced > 0
            ? `Offline: ${unsynced} ${unsynced === 1 ? 'edit' : 'edits'} kept here`
            : 'Offline';
  const title =
    status === 'offline'
      ? 'Your edits are kept in this browser and merge when the connection is back'
      : 'Everyone on this plan sees each edit as it is made';
  return (
    <span
      className={`cc-live-status cc-live-status--${status ?? 'none'}`}
      role="status"
      aria-label="Workspace connection"
      title={title}
    >
      {status === 'offline' || status === 'refused' ? (
        <WifiOff size={14} aria-hidden />
      ) : (
        <Wifi size={14} aria-hidden />
      )}
      {text}
    </span>
  );
}

export function PresenceBar() {
  const live = useAppStore((s) => s.live);
  if (!live) return null;
  const followed = live.peers.find((p) => p.id === live.following);
  return (
    <div className="cc-presence" aria-label="People on this plan" role="group">
      <Status />
      <button
        type="button"
        className="cc-avatar cc-avatar--me"
        style={{ background: live.me.color }}
        title={`You (${live.me.name}): change your name`}
        aria-label={`You, ${live.me.name}: change your name`}
        onClick={() =>
          useAuthorPrompt.getState().ask((name) => {
            const l = useAppStore.getState().live;
            if (l) useAppStore.getState().updateLive({ me: { ...l.me, name } });
          })
        }
      >
        {initials(live.me.name)}
      </button>
      {live.peers.map((p) => {
        const following = p.id === live.following;
        return (
          <button
            key={p.id}
            type="button"
            className={`cc-avatar${following ? ' is-following' : ''}`}
            style={{ background: p.color }}
            aria-pressed={following}
            aria-label={following ? `Stop following ${p.name}` : `Follow ${p.name}`}
            title={following ? `Following ${p.name}: click to stop` : `${p.name}: click to follow`}
            onClick={() => useAppStore.getState().follow(following ? null : p.id)}
          >
            {initials(p.name)}
          </button>
        );
      })}
      {followed && (
        <button
          type="button"
          className="cc-tool cc-following"
          onClick={() => useAppStore.getState().follow(null)}
          style={{ borderColor: followed.color }}
        >
          <EyeOff size={14} aria-hidden /> Following {followed.name}
        </button>
      )}
    </div>
  );
}
