// Which host names and addresses are this computer: the one place a secret may go unencrypted, and
// the only place tests may point a push endpoint.
import { BlockList, isIP } from 'node:net';

export function blockList(subnets: { ipv4: string[]; ipv6: string[] }): BlockList {
  const list = new BlockList();
  for (const [family, cidrs] of [['ipv4', subnets.ipv4], ['ipv6', subnets.ipv6]] as const) {
    for (const cidr of cidrs) {
      const [network = '', prefix = ''] = cidr.split('/');
      list.addSubnet(network, Number(prefix), family);
    }
  }
  return list;
}

const LOOPBACK = blockList({ ipv4: ['127.0.0.0/8'], ipv6: ['::1/128'] });

export function ipFamily(host: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(host);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** 127.0.0.0/8, ::1 (with or without brackets) or localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  const family = ipFamily(bare);
  return family ? LOOPBACK.check(bare, family) : bare === 'localhost';
}
