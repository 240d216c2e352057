// The built designer, served beside the API: files from the build folder, and the designer's
// page for every other path (a plan opens at /p/:id).
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const base = resolve(root);
  const url = new URL(req.url ?? '/', 'http://workspace');
  let path: string;
  try {
    path = normalize(join(base, decodeURIComponent(url.pathname)));
  } catch {
    res.writeHead(400).end('bad path');
    return;
  }
  if (path !== base && !path.startsWith(base + sep)) {
    res.writeHead(404).end('not found');
    return;
  }
  const isFile = existsSync(path) && statSync(path).isFile();
  const file = isFile ? path : join(base, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    // Hashed assets never change; the page itself must be fetched anew after an upgrade.
    'cache-control': file.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
