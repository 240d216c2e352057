// On a workspace plan, in the toolbar: the connection (live, offline with the edits kept here,
// refused and why), who is here, and Follow.
import './workspace.css';
import { EyeOff, Wifi, WifiOff } from 'lucide-react';
import { useAppStore } from '../../store/app-store';
import type { Peer } from '../../store/live-slice';
import { useAuthorPrompt } from '../../panels/comments/author';
import { useMenu } from '../../ui/menu';
import { splitPeers } from './presence';

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

function PeerAvatar({ peer, following }: { peer: Peer; following: boolean }) {
  return (
    <button
      type="button"
      className={`cc-avatar${following ? ' is-following' : ''}`}
      style={{ background: peer.color }}
      aria-pressed={following}
      aria-label={following ? `Stop following ${peer.name}` : `Follow ${peer.name}`}
      title={following ? `Following ${peer.name}: click to stop` : `${peer.name}: click to follow`}
      onClick={() => useAppStore.getState().follow(following ? null : peer.id)}
    >
      {initials(peer.name)}
    </button>
  );
}

/** Everyone past the avatars shown, by name, each one a click away from being followed. */
function MorePeople({ peers, following }: { peers: readonly Peer[]; following: number | null }) {
  const { open, setOpen, ref } = useMenu();
  return (
    <div className="cc-menu" ref={ref}>
      <button
        type="button"
        className="cc-avatar cc-avatar--more"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${peers.length} more ${peers.length === 1 ? 'person' : 'people'} on this plan`}
        title={peers.map((p) => p.name).join(', ')}
        onClick={() => setOpen(!open)}
      >
        +{peers.length}
      </button>
      {open && (
        <div className="cc-menu__list cc-people" role="menu" aria-label="More people on this plan">
          {peers.map((p) => (
            <button
              key={p.id}
              type="button"
              role="menuitem"
              className="cc-menu__item cc-people__item"
              onClick={() => {
                setOpen(false);
                useAppStore.getState().follow(p.id === following ? null : p.id);
              }}
            >
              <span className="cc-people__name">
                <span className="cc-people__dot" style={{ background: p.color }} aria-hidden />
                {p.name}
              </span>
              <small>{p.id === following ? 'Following: click to stop' : 'Click to follow'}</small>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function PresenceBar() {
  const live = useAppStore((s) => s.live);
  if (!live) return null;
  const followed = live.peers.find((p) => p.id === live.following);
  const { shown, more } = splitPeers(live.peers, live.following ?? null);
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
      {shown.map((p) => (
        <PeerAvatar key={p.id} peer={p} following={p.id === live.following} />
      ))}
      {more.length > 0 && <MorePeople peers={more} following={live.following ?? null} />}
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
