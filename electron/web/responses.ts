// What the web host answers: RPC results and typed errors as JSON, and a sentence for a person.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode, RpcResult } from '../../shared/errors';

export function respondJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** An error in the same shape as every RPC answer, so the page can always read it. */
export function respondError(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  respondJson(response, status, { ok: false, error: { code, message } } satisfies RpcResult<never>);
}

/**
 * Answer, then close the connection without reading the rest of the body: a request refused before
 * its body (no key, too large) must not make the host read megabytes it will throw away.
 */
export function respondAndClose(request: IncomingMessage, response: ServerResponse, answer: () => void): void {
  response.setHeader('Connection', 'close');
  response.once('finish', () => {
    const socket = request.socket;
    socket.pause();
    socket.end();
    // A client still sending never reads our FIN: let it go after a moment.
    setTimeout(() => socket.destroy(), 1_000).unref();
  });
  answer();
}

/** What a person sees when an address cannot be served: a sentence, not JSON. */
export function respondPage(response: ServerResponse, status: number, message: string): void {
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
