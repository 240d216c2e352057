// The workspace server as its tests meet it: a real process started as a user starts it
// (`npm run serve`), its database in a temporary folder, and live clients that are the same
// Hocuspocus provider the designer uses.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import * as Y from 'yjs';

export const TOKEN = 'test-token-0123456789';

/** A socket that does not report a refused reconnect as an unhandled error (a stopped server). */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

export interface ServerProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  readonly output: () => string;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
}

export async function startServer(
  data: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--no-build', '--data', data, ...args],
    {
      env: { ...process.env, CIDR_CANVAS_TOKEN: TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /workspace at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const ended = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    url,
    proc,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      await ended;
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await ended;
    },
  };
}

export function api(
  url: string,
  path: string,
  init: RequestInit & { token?: string | null } = {},
): Promise<Response> {
  const { token = TOKEN, headers, ...rest } = init;
  return fetch(`${url}${path}`, {
    ...rest,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

export async function createPlan(url: string, plan: unknown): Promise<string> {
  const r = await api(url, '/api/plans', { method: 'POST', body: JSON.stringify(plan) });
  if (r.status !== 201) throw new Error(`create: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

export interface LiveClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Resolves when every local change has been acknowledged by the server. */
  acknowledged(): Promise<void>;
  destroy(): void;
}

export async function connect(url: string, plan: string, token = TOKEN): Promise<LiveClient> {
  const doc = new Y.Doc();
  let onClose: (e: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClose = r));
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, 'ws')}/live`,
    WebSocketPolyfill: QuietWebSocket,
    // A refused client must not retry for ever in a test.
    maxAttempts: 1,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: plan,
    document: doc,
    token,
    onClose: ({ event }) => {
      // These tests do not reconnect: a refused or dropped client stays closed (the provider's
      // own retry, already scheduled, would reject unheard once the server is gone).
      socket.connect = () => Promise.resolve(undefined);
      onClose({ code: event.code, reason: event.reason });
    },
  });
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in 20 s')), 20_000);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      reject(new Error(`authentication failed: ${reason}`));
    });
  });
  // A provider given its socket does not connect until attached.
  provider.attach();
  await synced;
  return {
    doc,
    provider,
    closed,
    acknowledged: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (provider.unsyncedChanges === 0) {
            provider.off('unsyncedChanges', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
        check();
      }),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits until `test` holds, checking on every change of `doc`; the time it took, in ms. */
export function until(doc: Y.Doc, test: () => boolean, timeout = 10_000): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!test()) return;
      doc.off('update', check);
      clearTimeout(timer);
      resolve(performance.now() - start);
    };
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error(`condition not met in ${timeout} ms`));
    }, timeout);
    doc.on('update', check);
    check();
  });
}
