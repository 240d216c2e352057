// The live co-editing connection: Hocuspocus (a maintained Yjs server) with the workspace's
// storage and rules. Every update is in the database before it is acknowledged; only plans that
// exist can be opened; limits keep one client from filling memory or disk for everyone.
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { accessOf } from './auth';
import type { PlanStorage } from './storage';

export interface LiveOptions {
  readonly storage: PlanStorage;
  readonly token: string;
  /** Largest a plan's stored updates may grow to, in bytes, before edits are refused. */
  readonly maxDocumentBytes: number;
  /** Extra Hocuspocus extensions (Redis, when several processes share the work). */
  readonly extensions?: readonly Extension[];
}

/** The origin of updates read from the database: they are not written back. */
const FROM_STORAGE = Symbol('storage');

/** Updates made elsewhere and relayed here (by the Redis extension) are stored by their maker. */
export type IsRelayed = (origin: unknown) => boolean;

/** How often a plan's log of updates is folded into one. */
const COMPACT_AFTER = 500;

export class LiveError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function createLive(options: LiveOptions, isRelayed: IsRelayed = () => false): Hocuspocus {
  const { storage } = options;
  const sizes = new Map<string, number>();
  const lastSeq = new Map<string, number>();
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: 2000,
    maxDebounce: 10_000,
    extensions: [...(options.extensions ?? [])],
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const access = accessOf(options.token, token, documentName);
      if (!access) throw new LiveError(4401, 'Unauthorized: a valid workspace token is needed');
      if (!storage.get(documentName)) throw new LiveError(4404, `no plan ${documentName}`);
      connectionConfig.readOnly = access === 'read';
      return Promise.resolve();
    },
    async onLoadDocument({ document, documentName }) {
      lastSeq.set(documentName, storage.load(documentName, document, FROM_STORAGE));
      sizes.set(documentName, storage.size(documentName).bytes);
      let pending = 0;
      let name = storage.get(documentName)?.name;
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === FROM_STORAGE || isRelayed(origin)) return;
        // Synchronous: the write is on disk before Hocuspocus sends the acknowledgement.
        if (!storage.get(documentName)) return;
        storage.append(documentName, update);
        sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.length);
        const now = (document as Y.Doc).getMap('meta').get('name');
        if (typeof now === 'string' && now !== name) {
          name = now;
          storage.rename(documentName, now);
        }
        if (++pending >= COMPACT_AFTER) {
          pending = 0;
          storage.compact(documentName, Number.MAX_SAFE_INTEGER);
          sizes.set(documentName, storage.size(documentName).bytes);
        }
      });
      return Promise.resolve();
    },
    async beforeHandleMessage({ documentName, update }) {
      const size = sizes.get(documentName) ?? 0;
      if (size + update.length > options.maxDocumentBytes) {
        throw new LiveError(
          4413,
          `plan too large: ${size + update.length} bytes would pass the limit of ${options.maxDocumentBytes}`,
        );
      }
      return Promise.resolve();
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
      lastSeq.delete(documentName);
      if (storage.get(documentName)) storage.compact(documentName, Number.MAX_SAFE_INTEGER);
      return Promise.resolve();
    },
  });
  return hocuspocus;
}
