// Several server processes on one workspace: Hocuspocus's own Redis extension relays every
// update and cursor between them. They share one data folder (SQLite allows several processes);
// each stores the edits of its own clients, so an update relayed from another process is not
// stored twice.
import type { Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';

export interface Relay {
  readonly url: string;
  readonly extensions: readonly Extension[];
  readonly isRelayed: (origin: unknown) => boolean;
  close(): Promise<void>;
}

export async function relayFromEnv(url: string | undefined): Promise<Relay | undefined> {
  if (!url) return undefined;
  const parsed = new URL(url);
  const redis = new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: 'cidr-canvas',
  });
  return Promise.resolve({
    url,
    extensions: [redis],
    isRelayed: (origin: unknown) => origin === redis.redisTransactionOrigin,
    close: () => redis.onDestroy(),
  });
}
