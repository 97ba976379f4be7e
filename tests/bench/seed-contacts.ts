import { openDatabase } from '../../db/open';

const STATUSES = ['Booked', 'New', 'Lost', 'Regular', 'Lead'];
const STATES = ['CA', 'NY', 'TX', 'WA', 'FL', 'IL'];

/**
 * Write `count` varied contacts straight into a fresh database, fast, as a large salon list would be.
 * With `everyoneReachable`, every contact has a number and an email and agreed to both.
 */
export function seedContacts(dbPath: string, count: number, { everyoneReachable = false } = {}): void {
  const { sqlite, close } = openDatabase(dbPath);
  const insert = sqlite.prepare(
    `INSERT INTO contacts (name, first_name, last_name, phone, email, visit_count, last_visit_at, lead_status,
       state, birth_month, birth_day, total_spent_cents, sms_consent, email_consent, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const day = 86_400_000;
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const first = `Client${i}`;
      const lastVisit = new Date(Date.UTC(2026, 10, 1) - (i % 700) * day).toISOString().slice(0, 10);
      insert.run(
        `${first} Sample${i % 977}`,
        first,
        `Sample${i % 977}`,
        i % 10 === 9 && !everyoneReachable ? null : `+1415${String(2000000 + i).padStart(7, '0')}`,
        i % 3 === 0 && !everyoneReachable ? null : `client${i}@salon.dev`,
        i % 15,
        lastVisit,
        STATUSES[i % STATUSES.length],
        STATES[i % STATES.length],
        (i % 12) + 1,
        (i % 28) + 1,
        (i % 500) * 1000,
        everyoneReachable ? 'granted' : i % 20 === 0 ? 'opted_out' : i % 4 === 0 ? 'unknown' : 'granted',
        everyoneReachable || i % 5 !== 0 ? 'granted' : 'unknown',
        now,
        now,
      );
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  close();
}
