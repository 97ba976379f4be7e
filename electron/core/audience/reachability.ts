import type { AudienceCountDto, Channel } from '../../../shared/dto';
import type { Db } from '../../../db/open';

/** The contact column that holds a channel's address. Whitelisted: these names reach SQL as text. */
export const ADDRESS_COLUMN: Record<Channel, 'phone' | 'email'> = { sms: 'phone', email: 'email' };

/** How many contacts a broadcast on `channel` would reach now, and how many it leaves out. */
export function countReachable(db: Db, channel: Channel): AudienceCountDto {
  const column = ADDRESS_COLUMN[channel];
  const row = db.$client
    .prepare(`SELECT COUNT(${column}) AS reachable, COUNT(*) - COUNT(${column}) AS missing FROM contacts`)
    .get() as { reachable: number; missing: number };
  return { channel, reachable: row.reachable, missingAddress: row.missing };
}
