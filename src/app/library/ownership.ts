// One tab edits a plan at a time. A Web Lock per plan says who holds it; a BroadcastChannel
// carries "hand it over" and "saved" between tabs. A tab asked to hand over saves first, then
// lets go, so nothing typed in it is lost; if it does not answer, the lock is stolen.

const CHANNEL = 'cidr-canvas:library';
/** How long a take-over waits for the holder to save and let go before stealing the lock. */
export const HANDOVER_TIMEOUT_MS = 3000;

type Message =
  | { readonly type: 'handover'; readonly planId: string }
  | { readonly type: 'saved'; readonly planId: string };

export interface Held {
  readonly planId: string;
  /** Lets the lock go (opening another plan, closing the tab). */
  release(): void;
}

export interface HolderEvents {
  /** Another tab asks for the plan: save what is pending, then return. */
  onHandover(): Promise<void>;
  /** The lock is gone (handed over or stolen): stop writing. */
  onLost(): void;
}

const lockName = (planId: string) => `cidr-canvas:plan:${planId}`;

let channel: BroadcastChannel | null = null;
const listeners = new Set<(m: Message) => void>();

function bus(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<Message>) => {
    for (const l of listeners) l(e.data);
  };
  return channel;
}

function post(m: Message): void {
  bus()?.postMessage(m);
}

function listen(l: (m: Message) => void): () => void {
  bus();
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Tells other tabs a plan was written, so a read-only view of it can show the new state. */
export function announceSaved(planId: string): void {
  post({ type: 'saved', planId });
}

export function onSaved(planId: () => string | null, reload: () => void): () => void {
  return listen((m) => {
    if (m.type === 'saved' && m.planId === planId()) reload();
  });
}

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

function hold(
  planId: string,
  events: HolderEvents,
  request: (cb: (lock: Lock | null) => Promise<void> | undefined) => Promise<unknown>,
): Promise<Held | null> {
  return new Promise((resolve) => {
    let letGo: (() => void) | null = null;
    let released = false;
    let off = () => {};
    const done = request((lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((r) => {
        letGo = r;
        off = listen((m) => {
          if (m.type !== 'handover' || m.planId !== planId || released) return;
          released = true;
          void events.onHandover().finally(() => {
            off();
            r();
            events.onLost();
          });
        });
        resolve({
          planId,
          release: () => {
            released = true;
            off();
            letGo?.();
          },
        });
      });
    });
    // A stolen lock rejects the holder's request.
    done.catch(() => {
      off();
      resolve(null);
      if (!released && letGo) {
        released = true;
        events.onLost();
      }
    });
  });
}

/** Takes the plan's lock if no other tab holds it; null when one does. */
export function claim(planId: string, events: HolderEvents): Promise<Held | null> {
  const lm = locks();
  if (!lm) return Promise.resolve({ planId, release() {} });
  return hold(planId, events, (cb) => lm.request(lockName(planId), { ifAvailable: true }, cb));
}

/** Asks the tab holding the plan to save and let go, and takes the lock (stealing it if it does not). */
export async function takeOver(planId: string, events: HolderEvents): Promise<Held> {
  const lm = locks();
  if (!lm) return { planId, release() {} };
  const ac = new AbortController();
  const waiting = hold(planId, events, (cb) =>
    lm.request(lockName(planId), { signal: ac.signal }, cb),
  );
  post({ type: 'handover', planId });
  const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), HANDOVER_TIMEOUT_MS));
  const first = await Promise.race([waiting, timer]);
  if (first !== 'late' && first) return first;
  ac.abort();
  const stolen = await hold(planId, events, (cb) =>
    lm.request(lockName(planId), { steal: true }, cb),
  );
  return stolen ?? { planId, release() {} };
}
