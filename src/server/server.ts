// One workspace server: the designer, the API and the live connection on one port.
import type { Extension } from '@hocuspocus/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { handleApi } from './api';
import { createLive } from './live';
import { serveStatic } from './static-files';
import { PlanStorage } from './storage';

export interface WorkspaceOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly token: string;
  /** The built designer; none: the API and live connection only. */
  readonly staticDir?: string;
  readonly maxMessageBytes: number;
  readonly maxDocumentBytes: number;
  readonly extensions?: readonly Extension[];
  readonly isRelayed?: (origin: unknown) => boolean;
}

export interface Workspace {
  readonly url: string;
  readonly http: Server;
  close(): Promise<void>;
}

/** A 100,000-object plan is about 20 MB of JSON; its document is smaller. */
export const DEFAULT_LIMITS = {
  maxMessageBytes: 50 * 1024 * 1024,
  maxDocumentBytes: 128 * 1024 * 1024,
};

export async function startWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const storage = new PlanStorage(options.dataDir);
  const live = createLive(
    {
      storage,
      token: options.token,
      maxDocumentBytes: options.maxDocumentBytes,
      extensions: options.extensions,
    },
    options.isRelayed,
  );
  const api = { storage, live, token: options.token, maxBodyBytes: options.maxMessageBytes };
  const http = createServer((req, res) => {
    handleApi(api, req, res)
      .then((handled) => {
        if (handled) return;
        if (options.staticDir) serveStatic(options.staticDir, req, res);
        else res.writeHead(404).end('not found');
      })
      .catch((e: unknown) => {
        console.error('workspace request failed', e);
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://workspace').pathname;
    if (path !== '/live') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A socket error (a message over the size limit, a reset) closes that socket; unheard, it
      // would end the whole process.
      ws.on('error', (e) => console.warn(`workspace: live connection closed: ${e.message}`));
      live.handleConnection(ws, req);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    http,
    async close() {
      live.closeConnections();
      sockets.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Idle keep-alive connections would hold the server open for their timeout.
      http.closeAllConnections();
      await closed;
      // Let Hocuspocus unload (and compact) what it holds before the database closes.
      await Promise.all([...live.documents.values()].map((d) => live.unloadDocument(d)));
      storage.close();
    },
  };
}
