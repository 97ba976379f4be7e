import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_KEY_PROTOCOL_PREFIX } from '../../shared/rpc';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

const NO_KEY: GuardVerdict = {
  ok: false,
  status: 401,
  message: 'Open the link printed by `npm run start:web`: it contains this launch’s key.',
};
const OTHER_SITE: GuardVerdict = { ok: false, status: 403, message: 'Requests from other sites are refused.' };

/**
 * Who may talk to the web host: only pages this host served (Host and Origin are ours, so no DNS
 * rebinding and no cross-site requests). Calls and events also need the per-launch key, sent as a
 * Bearer header (RPC) or an event-socket subprotocol; it is never a cookie, since cookies ignore ports
 * and a browser would hand it to every other server on 127.0.0.1.
 */
export class RequestGuard {
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
  }

  /** For the page and its files, which hold no data: ours, from our own page or typed in. */
  checkOrigin(request: IncomingMessage): GuardVerdict {
    if (!this.allowedHosts.has(request.headers.host ?? '')) {
      return { ok: false, status: 403, message: 'Unexpected Host header.' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) return OTHER_SITE;
    if (request.headers['sec-fetch-site'] === 'cross-site') return OTHER_SITE;
    return { ok: true };
  }

  /** For calls and events: the origin checks, and the key. */
  check(request: IncomingMessage): GuardVerdict {
    const origin = this.checkOrigin(request);
    if (!origin.ok) return origin;
    return this.holdsToken(request) ? { ok: true } : NO_KEY;
  }

  private holdsToken(request: IncomingMessage): boolean {
    const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const inProtocol = protocols.find((p) => p.startsWith(WEB_KEY_PROTOCOL_PREFIX))?.slice(WEB_KEY_PROTOCOL_PREFIX.length);
    return [bearer, inProtocol].some((t) => t !== undefined && this.matches(t));
  }

  private matches(presented: string): boolean {
    const a = Buffer.from(presented);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
