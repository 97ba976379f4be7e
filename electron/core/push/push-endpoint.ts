// Where the app may send a web push: the endpoint of a subscription is a URL the app requests, so
// it must be a push service on the public internet. A subscription file pointing at this computer,
// the salon's router or a cloud metadata address is refused, by the same rule wherever one arrives.
import { blockList, ipFamily, isLoopbackHost } from '../net/loopback-host';

export interface PushEndpointRule {
  /** Accept endpoints on this computer (127.0.0.0/8, ::1, localhost): only tests, for the local push double. */
  allowLoopback?: boolean;
}

/** Addresses that are not on the public internet (IPv4-mapped IPv6 addresses are checked as IPv4). */
const NOT_PUBLIC = blockList({
  ipv4: [
    '0.0.0.0/8',
    '10.0.0.0/8',
    '100.64.0.0/10', // carrier-grade NAT
    '169.254.0.0/16', // link-local, cloud metadata
    '172.16.0.0/12',
    '192.0.0.0/24',
    '192.168.0.0/16',
    '198.18.0.0/15',
    '224.0.0.0/4', // multicast
    '240.0.0.0/4', // reserved, broadcast
  ],
  ipv6: ['::/128', 'fe80::/10', 'fc00::/7', 'ff00::/8'],
});

/** Names that never lead to the public internet: this computer, the local network, private zones. */
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|internal)$/;

/** Why the app will not send to this endpoint, in the owner's words; null when it may. */
export function pushEndpointProblem(endpoint: string, rule: PushEndpointRule = {}): string | null {
  const url = parseUrl(endpoint);
  if (url?.protocol !== 'https:') return `The endpoint “${endpoint}” is not an https:// address`;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (rule.allowLoopback && isLoopbackHost(host)) return null;
  return isPublicHost(host) ? null : `The endpoint “${endpoint}” is on this computer or a private network, not on a push service`;
}

function isPublicHost(host: string): boolean {
  const family = ipFamily(host);
  if (family) return !isLoopbackHost(host) && !NOT_PUBLIC.check(host, family);
  // A name without a dot is looked up on the local network (its search domains), never on the internet.
  return host.includes('.') && !LOCAL_NAME.test(host);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
