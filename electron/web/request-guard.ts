import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict =
  | { ok: true }
  | { ok: false; status: 401 | 403; message: string };

/**
 * Who may talk to the web host: only pages this host served (Host and Origin are ours, so no DNS
 * rebinding and no cross-site requests) holding the per-launch token (cookie, header or ?token=).
 */
export class RequestGuard {
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;
  /** Cookies ignore ports, so the name carries it: two hosts on one machine keep their own keys. */
  readonly cookieName: string;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    this.cookieName = `salon_broadcast_token_${port}`;
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
  }

  check(request: IncomingMessage): GuardVerdict {
    if (!this.allowedHosts.has(request.headers.host ?? '')) {
      return { ok: false, status: 403, message: 'Unexpected Host header.' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      return { ok: false, status: 403, message: 'Requests from other sites are refused.' };
    }
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      return { ok: false, status: 403, message: 'Requests from other sites are refused.' };
    }
    if (!this.holdsToken(request)) {
      return {
        ok: false,
        status: 401,
        message: 'Open the link printed by `npm run start:web`: it contains this launch’s key.',
      };
    }
    return { ok: true };
  }

  /** The token from the URL's query string, when the owner opens the printed link. */
  tokenInQuery(request: IncomingMessage): boolean {
    const presented = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
    return presented !== null && this.matches(presented);
  }

  private holdsToken(request: IncomingMessage): boolean {
    const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const cookie = readCookie(request.headers.cookie, this.cookieName);
    return [bearer, cookie].some((t) => t !== undefined && this.matches(t)) || this.tokenInQuery(request);
  }

  private matches(presented: string): boolean {
    const a = Buffer.from(presented);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
