import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WEB_EVENTS_PATH, WEB_EVENTS_PROTOCOL, WEB_RPC_PATH, type PushedEvent } from '../../shared/rpc';
import type { Core } from '../core';
import type { Logger } from '../core/log';
import { readJsonBody } from './json-body';
import { RequestGuard } from './request-guard';
import { requestPath } from './request-target';
import { respondAndClose, respondError, respondJson, respondPage } from './responses';
import { serveStatic } from './static-files';

/** The page never sends anything on the event socket: a frame over this is refused. */
const MAX_EVENT_FRAME_BYTES = 4 * 1024;

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
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_EVENT_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WEB_EVENTS_PROTOCOL) ? WEB_EVENTS_PROTOCOL : false),
  });
  const logFailure = (what: string, error: unknown): void =>
    options.log.error(what, { error: error instanceof Error ? error.message : String(error) });

  const context: RequestContext = { guard, core: options.core, staticDir: options.staticDir };
  // No exception in a handler may end the process: a send may be under way.
  server.on('request', (request, response) => {
    handleRequest(request, response, context).catch((error: unknown) => {
      logFailure('web request failed', error);
      if (!response.headersSent) respondError(response, 500, 'internal', 'The request could not be completed.');
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    try {
      upgrade(request, socket, head, guard, sockets);
    } catch (error) {
      logFailure('event socket upgrade failed', error);
      socket.destroy();
    }
  });
  server.on('clientError', (_error, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  sockets.on('connection', (ws) => ws.on('error', () => ws.terminate()));

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

function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, guard: RequestGuard, sockets: WebSocketServer): void {
  const verdict = guard.check(request);
  const path = requestPath(request.url);
  if (!verdict.ok || path !== WEB_EVENTS_PATH) {
    const status = verdict.ok ? (path === null ? 400 : 404) : verdict.status;
    socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    return;
  }
  sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext): Promise<void> {
  const { guard, core, staticDir } = context;
  const path = requestPath(request.url);
  if (path === null) return respondAndClose(request, response, () => respondError(response, 400, 'invalid_input', 'That address is not valid.'));
  if (path === WEB_RPC_PATH) return handleRpc(request, response, guard, core);

  const verdict = guard.checkOrigin(request);
  if (!verdict.ok) {
    if (request.headers.accept?.includes('text/html')) return respondPage(response, verdict.status, verdict.message);
    return respondError(response, verdict.status, 'unauthorized', verdict.message);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return respondAndClose(request, response, () => respondError(response, 405, 'invalid_input', 'Use GET.'));
  }
  // The page and its files hold no data: the key in the link is read by the page itself.
  response.setHeader('Content-Security-Policy', CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  serveStatic(staticDir, path, response);
}

async function handleRpc(request: IncomingMessage, response: ServerResponse, guard: RequestGuard, core: Core): Promise<void> {
  const verdict = guard.check(request);
  if (!verdict.ok) return respondAndClose(request, response, () => respondError(response, verdict.status, 'unauthorized', verdict.message));
  if (request.method !== 'POST') return respondAndClose(request, response, () => respondError(response, 405, 'invalid_input', 'Use POST.'));
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return respondAndClose(request, response, () => respondError(response, 415, 'invalid_input', 'Send JSON.'));
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    // A body too large is drained unread (the caller holds the key) so it reads the answer.
    if (body.status === 413) request.resume();
    return respondError(response, body.status, 'invalid_input', body.message);
  }
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    return respondError(response, 400, 'invalid_input', 'Send an object like {"method": "...", "input": {...}}.');
  }
  const { method, input } = body.value as { method?: unknown; input?: unknown };
  const result = await core.dispatch(typeof method === 'string' ? method : '', input);
  return respondJson(response, 200, result);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
