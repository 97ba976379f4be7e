import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serve a file of the built renderer, by its already decoded path; anything outside `root` or missing
 * falls back to index.html.
 */
export function serveStatic(root: string, path: string, response: ServerResponse): void {
  const wanted = normalize(join(root, path));
  const inside = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile();
  const file = inside ? wanted : join(root, 'index.html');
  const isIndex = file === join(root, 'index.html');
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    // Built assets have content hashes in their names; the page itself must never be stale.
    'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(response);
}
