import type Database from 'better-sqlite3';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../../shared/contacts';
import type { AudienceSummaryDto, ChannelReach } from '../../../shared/dto';
import { CONTACT_SELECT } from '../contacts/contacts-repository';
import { rowToDto, type ContactRow } from '../contacts/contact-values';
import type { SqlCondition } from './compile-filter';
import { reachColumnsSql } from './reachability';

const SAMPLE_SIZE = 5;
const REACH_COLUMNS = CONSENT_CHANNELS.map(reachColumnsSql).join(', ');

/** The live numbers of the audience builder: one pass over the matching contacts, on the read-only connection. */
export class AudienceRepository {
  constructor(private readonly sqlite: Database.Database) {}

  summary(where: SqlCondition): AudienceSummaryDto {
    const totals = this.sqlite
      .prepare(`SELECT COUNT(*) AS matched, ${REACH_COLUMNS} FROM contacts WHERE ${where.sql}`)
      .get(...where.params) as Record<string, number | undefined>;
    const matched = totals.matched ?? 0;
    const reach = (channel: ConsentChannel): ChannelReach => {
      const reachable = totals[`${channel}_reachable`] ?? 0;
      const optedOut = totals[`${channel}_opted_out`] ?? 0;
      const noConsent = totals[`${channel}_no_consent`] ?? 0;
      return { reachable, optedOut, noConsent, noAddress: matched - reachable - optedOut - noConsent };
    };
    const sample = this.sqlite
      .prepare(`${CONTACT_SELECT} WHERE ${where.sql} ORDER BY name COLLATE NOCASE LIMIT ${SAMPLE_SIZE}`)
      .all(...where.params) as ContactRow[];
    return { matched, sms: reach('sms'), email: reach('email'), push: reach('push'), sample: sample.map(rowToDto) };
  }
}
