import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { WEB_EVENTS_PATH, WEB_RPC_PATH, type PushedEvent } from '../../shared/rpc';
import type { Core } from '../core';
import type { Logger } from '../core/log';
import { RequestGuard } from './request-guard';
import { serveStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only by tests; a random one is made per launch otherwise. */
  token?: string;
  log: Logger;
}

interface RequestContext {
  guard: RequestGuard;
  token: string;
  core: Core;
  staticDir: string;
}

export interface WebHost {
  /** The link to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Serve the renderer and the core on 127.0.0.1 only: POST /rpc for calls, a WebSocket for events. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer();
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(token, port);
  const sockets = new WebSocketServer({ noServer: true });

  const context: RequestContext = { guard, token, core: options.core, staticDir: options.staticDir };
  server.on('request', (request, response) => {
    handleRequest(request, response, context).catch((error: unknown) => {
      options.log.error('web request failed', { error: error instanceof Error ? error.stack : String(error) });
      if (!response.headersSent) respond(response, 500, { message: 'The request could not be completed.' });
    });
  });

  server.on('upgrade', (request, socket, head) => {
    const verdict = guard.check(request);
    if (!verdict.ok || pathOf(request) !== WEB_EVENTS_PATH) {
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });

  const stopForwarding = options.core.events.onAny((event, payload) => {
    const message = JSON.stringify({ event, payload } satisfies PushedEvent);
    for (const client of sockets.clients) client.send(message);
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      stopForwarding();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext): Promise<void> {
  const { guard, core, staticDir } = context;
  const verdict = guard.check(request);
  const path = pathOf(request);
  if (!verdict.ok) {
    if (path !== WEB_RPC_PATH && request.headers.accept?.includes('text/html')) {
      return respondPage(response, verdict.status, verdict.message);
    }
    return respond(response, verdict.status, { message: verdict.message });
  }

  if (path === WEB_RPC_PATH) {
    if (request.method !== 'POST') return respond(response, 405, { message: 'Use POST.' });
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return respond(response, 415, { message: 'Send JSON.' });
    }
    const body = await readJson(request);
    if (!body.ok) return respond(response, 400, { message: body.message });
    const { method, input } = body.value as { method?: unknown; input?: unknown };
    const result = await core.dispatch(typeof method === 'string' ? method : '', input);
    return respond(response, 200, result);
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(response, 405, { message: 'Use GET.' });
  if (guard.tokenInQuery(request)) {
    // Trade the key in the link for a cookie, and drop it from the address bar.
    response.writeHead(303, {
      'Set-Cookie': `${guard.cookieName}=${context.token}; HttpOnly; SameSite=Strict; Path=/`,
      Location: path,
    });
    return void response.end();
  }
  response.setHeader('Content-Security-Policy', CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  serveStatic(staticDir, path, response);
}

function respond(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** What a person sees when they open the address without the key: a sentence, not JSON. */
function respondPage(response: ServerResponse, status: number, message: string): void {
  const text = message.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  response.end(
    `<!doctype html><meta charset="utf-8"><title>Salon Broadcast</title>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5">` +
      `<h1>Salon Broadcast</h1><p>${text}</p></body>`,
  );
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

function readJson(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve({ ok: false, message: 'The request is too large.' });
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        resolve({ ok: false, message: 'The request body is not valid JSON.' });
      }
    });
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
