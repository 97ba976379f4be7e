// A booking system's export imported again: last visit, visit count and next appointment follow the
// file, and under "overwrite" an empty next appointment means the booking is gone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { contactsByName, csvText, fileBytes, importFile } from '../support/csv-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

const HEADER = 'Name,Mobile,Email,Last Visit,Total Visits,Next Appointment';
const FIRST = csvText([HEADER, 'Ana Lopez,415-555-2671,ana@salon.dev,2026-01-10,4,2026-02-14', 'Bo Chen,415-555-2672,bo@salon.dev,2025-12-01,2,2026-02-20']);
const NEXT = csvText([HEADER, 'Ana Lopez,415-555-2671,ana@salon.dev,2026-02-14,5,2026-03-21', 'Bo Chen,415-555-2672,bo@salon.dev,2026-02-20,3,']);

describe('re-importing a booking export', () => {
  let core: Core;
  let remove: () => void;
  beforeEach(async () => {
    const dir = tempDir();
    core = createTestCore(dir.path);
    remove = dir.remove;
    await call(core, 'settings.update', { country: 'US' });
    await importFile(core, 'bookings.csv', fileBytes(FIRST, 'utf-8'));
  });
  afterEach(async () => {
    await core.stop();
    remove();
  });

  it('reads the next appointment like the last visit', async () => {
    const ana = (await contactsByName(core)).get('Ana Lopez');
    expect(ana).toMatchObject({ lastVisitAt: '2026-01-10', visitCount: 4, nextAppointmentAt: '2026-02-14' });
  });

  it('under overwrite, updates the visits and clears a booking the file no longer has', async () => {
    const result = await importFile(core, 'bookings.csv', fileBytes(NEXT, 'utf-8'), { mergeRule: 'overwrite' });
    expect(result.summary).toMatchObject({ added: 0, updated: 2 });
    const contacts = await contactsByName(core);
    expect(contacts.get('Ana Lopez')).toMatchObject({ lastVisitAt: '2026-02-14', visitCount: 5, nextAppointmentAt: '2026-03-21' });
    expect(contacts.get('Bo Chen')).toMatchObject({ lastVisitAt: '2026-02-20', visitCount: 3, nextAppointmentAt: null });
  });

  it('under fill_empty, keeps what the client has', async () => {
    await importFile(core, 'bookings.csv', fileBytes(NEXT, 'utf-8'), { mergeRule: 'fill_empty' });
    expect((await contactsByName(core)).get('Bo Chen')).toMatchObject({ lastVisitAt: '2025-12-01', nextAppointmentAt: '2026-02-20' });
  });

  it('is a field of the audience builder', async () => {
    const booked = { kind: 'group', match: 'all', conditions: [{ kind: 'date', field: 'nextAppointmentAt', op: 'after', value: '2026-02-15' }] } as const;
    const { contacts } = await call(core, 'contacts.list', { filter: booked });
    expect(contacts.map((contact) => contact.name)).toEqual(['Bo Chen']);
  });
});
