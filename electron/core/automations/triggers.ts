import { DateTime } from 'luxon';
import type { AutomationKind } from '../../../shared/automations';
import { addDays } from '../audience/filter-context';
import { reachableSql } from '../audience/reachability';

/** SQL with its positional parameters. */
export interface CompiledSql {
  sql: string;
  params: readonly unknown[];
}

/** A client whose data says an automation is due, for one occasion. */
export interface Candidate {
  contactId: number;
  name: string;
  firstName: string | null;
  lastName: string | null;
  /** JSON object of strings, as stored: what personalisation reads. */
  customFields: string;
  /** The birthday's year, the visit date that triggered it, or 'welcome'. */
  occasion: string;
  /** The salon day the automation was due for this client. */
  triggerDay: string;
  /** The birthday or visit the message is about ('YYYY-MM-DD'). */
  eventDate: string;
  inAudience: number;
  smsReachable: number;
  emailReachable: number;
  phone: string | null;
  email: string | null;
  smsConsent: string;
  emailConsent: string;
  smsUnusable: number;
  nextAppointmentAt: string | null;
  lastVisitAt: string | null;
}

export interface TriggerQuery {
  kind: AutomationKind;
  days: number;
  /** Salon days, inclusive, whose triggers are looked at. */
  from: string;
  to: string;
  /** Welcome: clients added after this instant (when the automation was turned on)... */
  addedSince: string;
  /** ...up to this one. */
  addedUntil: string;
}

/** The columns every candidate carries, read from `contacts`. */
const CANDIDATE_COLUMNS = `contacts.id AS contactId, contacts.name AS name, contacts.first_name AS firstName,
  contacts.last_name AS lastName, contacts.custom_fields AS customFields,
  contacts.phone AS phone, contacts.email AS email, contacts.sms_consent AS smsConsent, contacts.email_consent AS emailConsent,
  contacts.sms_unusable_code IS NOT NULL AS smsUnusable, contacts.next_appointment_at AS nextAppointmentAt,
  contacts.last_visit_at AS lastVisitAt, ${reachableSql('sms')} AS smsReachable, ${reachableSql('email')} AS emailReachable`;

/**
 * The SQL (with positional parameters) listing every client an automation is due for on the salon days
 * of `query`, with `audienceSql` evaluated as inAudience. The dated kinds read an indexed column each
 * (the birthday, the last visit, the first visit); welcome reads the clients added in a window.
 */
export function triggerSql(query: TriggerQuery, audience: CompiledSql): CompiledSql {
  const columns = `${CANDIDATE_COLUMNS}, (${audience.sql}) AS inAudience`;
  const after = audience.params;
  switch (query.kind) {
    case 'birthday':
      return birthdaySql(query, columns, after);
    case 'rebook':
      return visitSql(query, columns, after, 'last_visit_at', '1');
    case 'win_back':
      // "Regulars": three visits or more. Imports carry a visit count, not each visit's date.
      return visitSql(query, columns, after, 'last_visit_at', 'contacts.visit_count >= 3');
    case 'first_visit':
      return visitSql(query, columns, after, 'client_since', '1');
    case 'welcome':
      return {
        sql: `SELECT ${columns}, 'welcome' AS occasion, substr(contacts.created_at, 1, 10) AS eventDate, ? AS triggerDay
                FROM contacts WHERE contacts.created_at > ? AND contacts.created_at <= ?`,
        params: [...after, query.to, query.addedSince, query.addedUntil],
      };
  }
}

/**
 * Birthdays `days` after each salon day of the range. A 29 February birthday is kept on 28 February in
 * other years. A year-less birthday has its month and day: all that is needed.
 */
function birthdaySql(query: TriggerQuery, columns: string, audienceParams: readonly unknown[]): CompiledSql {
  const targets: Array<[number, number, string, string]> = [];
  for (let day = query.from; day <= query.to; day = addDays(day, 1)) {
    const birthday = addDays(day, query.days);
    const date = DateTime.fromISO(birthday, { zone: 'UTC' });
    targets.push([date.month, date.day, birthday, day]);
    if (date.month === 2 && date.day === 28 && !date.isInLeapYear) targets.push([2, 29, birthday, day]);
  }
  const values = targets.map(() => '(?, ?, ?, ?)').join(', ');
  return {
    sql: `WITH targets(m, d, birthday, trigger_day) AS (VALUES ${values})
          SELECT ${columns}, substr(t.birthday, 1, 4) AS occasion, t.birthday AS eventDate, t.trigger_day AS triggerDay
            FROM targets t JOIN contacts ON contacts.birth_month = t.m AND contacts.birth_day = t.d`,
    params: [...targets.flat(), ...audienceParams],
  };
}

/** Clients whose visit (`column`, a date) was `days` before a salon day of the range. */
function visitSql(
  query: TriggerQuery,
  columns: string,
  audienceParams: readonly unknown[],
  column: 'last_visit_at' | 'client_since',
  rule: string,
): CompiledSql {
  const visit = `substr(contacts.${column}, 1, 10)`;
  return {
    sql: `SELECT ${columns}, ${visit} AS occasion, ${visit} AS eventDate, date(${visit}, '+' || ? || ' days') AS triggerDay
            FROM contacts WHERE contacts.${column} >= ? AND contacts.${column} < ? AND ${rule}`,
    params: [...audienceParams, query.days, addDays(query.from, -query.days), addDays(query.to, 1 - query.days)],
  };
}
