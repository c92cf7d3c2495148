// Serves the built renderer (dist/) to the web host's browser tab, read-only, with the app's CSP.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { SECURITY_HEADERS } from '../security-policy.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Maps a request path to a file inside root, or undefined when it would escape root or is malformed. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, relative);
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + path.sep)) return undefined;
  return target;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  }
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const file = resolveStaticPath(root, pathname);
  if (!file) return plain(res, 400, 'Bad path');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    if (pathname === '/')
      return plain(res, 503, 'The renderer is not built yet: run `npm run build:renderer`.');
    return plain(res, 404, 'Not found');
  }
  const isDocument = file.endsWith('.html');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    // Hashed asset names may be cached; the document must always be fresh so a rebuild is picked up.
    'Cache-Control': isDocument ? 'no-store' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}
