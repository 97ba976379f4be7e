import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceFilter } from '../../shared/audience';
import type { Core } from '../../electron/core';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';

describe('contacts', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(() => {
    dir = tempDir();
    core = createTestCore(dir.path);
  });
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('stores every field, normalised, and returns it as entered', async () => {
    const ana = await call(core, 'contacts.create', {
      name: 'Ana Lopez',
      firstName: 'Ana',
      lastName: 'Lopez',
      phone: '(415) 555-2671',
      email: ' Ana@Salon.DEV ',
      birthday: '--03-20',
      clientSince: '2021-02-03',
      lastVisitAt: '2026-01-01',
      visitCount: 4,
      totalSpentCents: 52_050,
      notes: 'Likes the window seat',
      leadSource: 'Instagram',
      zip: '94103',
      customFields: { Stylist: 'Maria' },
      tags: ['VIP', 'Colour'],
      consent: { sms: 'granted', email: 'unknown' },
    });
    expect(ana).toMatchObject({
      phone: '+14155552671',
      email: 'ana@salon.dev',
      birthday: '--03-20',
      visitCount: 4,
      totalSpentCents: 52_050,
      customFields: { Stylist: 'Maria' },
      tags: ['Colour', 'VIP'],
      consent: { sms: 'granted', email: 'unknown', push: 'unknown' },
    });
  });

  it('changes only the fields an edit gives, and clears those given empty', async () => {
    const ana = await call(core, 'contacts.create', {
      name: 'Ana Lopez',
      phone: '(415) 555-2671',
      birthday: '1990-03-20',
      notes: 'Likes tea',
      tags: ['VIP'],
    });
    const edited = await call(core, 'contacts.update', { id: ana.id, email: 'ana@salon.dev', notes: null });
    expect(edited).toMatchObject({ name: 'Ana Lopez', phone: '+14155552671', birthday: '1990-03-20', email: 'ana@salon.dev', notes: null, tags: ['VIP'] });
    const noPhone = await call(core, 'contacts.update', { id: ana.id, phone: '' });
    expect(noPhone.phone).toBeNull();
    const unreachable = await callFailing(core, 'contacts.update', { id: ana.id, email: '' });
    expect(unreachable).toMatchObject({ code: 'invalid_input', issues: [{ path: 'phone' }] });
  });

  it('keeps an append-only consent history with the reason for every change', async () => {
    const ana = await call(core, 'contacts.create', { name: 'Ana', phone: '4155552671', consent: { sms: 'granted', email: 'unknown' } });
    await call(core, 'contacts.setConsent', { id: ana.id, channel: 'sms', status: 'opted_out', reason: 'Asked at the desk' });
    // Saying the same twice records nothing new.
    await call(core, 'contacts.setConsent', { id: ana.id, channel: 'sms', status: 'opted_out', reason: 'Again' });
    const detail = await call(core, 'contacts.setConsent', { id: ana.id, channel: 'sms', status: 'granted', reason: 'Signed the form again' });
    expect(detail.consent.sms).toBe('granted');
    expect(detail.consentHistory.map((e) => [e.status, e.source])).toEqual([
      ['granted', 'Changed by hand: Signed the form again'],
      ['opted_out', 'Changed by hand: Asked at the desk'],
      ['granted', 'Added by hand: agreed to texts'],
    ]);
  });

  it('searches by name, email, and phone as typed', async () => {
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '4155552671', email: 'ana@salon.dev' });
    await call(core, 'contacts.create', { name: 'Bo Chen', phone: '4155552600' });
    const names = async (search: string) => (await call(core, 'contacts.list', { search })).contacts.map((c) => c.name);
    expect(await names('lop')).toEqual(['Ana Lopez']);
    expect(await names('salon.dev')).toEqual(['Ana Lopez']);
    expect(await names('(415) 555-26')).toEqual(['Ana Lopez', 'Bo Chen']);
    expect(await names('2600')).toEqual(['Bo Chen']);
    expect(await names('%')).toEqual([]);
  });

  it('sorts by any column with empty values last, and pages stably', async () => {
    for (const [name, visitCount] of [['A', 3], ['B', null], ['C', 10], ['D', 1]] as const) {
      await call(core, 'contacts.create', { name, email: `${name.toLowerCase()}@salon.dev`, visitCount });
    }
    const order = async (direction: 'asc' | 'desc') =>
      (await call(core, 'contacts.list', { sort: 'visitCount', direction })).contacts.map((c) => c.name);
    expect(await order('asc')).toEqual(['D', 'A', 'C', 'B']);
    expect(await order('desc')).toEqual(['C', 'A', 'D', 'B']);
    const page = await call(core, 'contacts.list', { sort: 'name', limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 4, contacts: [{ name: 'C' }, { name: 'D' }] });
  });

  it('tags and untags many clients at once', async () => {
    const ids = [];
    for (const name of ['A', 'B', 'C']) ids.push((await call(core, 'contacts.create', { name, email: `${name}@salon.dev` })).id);
    expect(await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids }, tag: 'Summer', action: 'add' })).toEqual({ changed: 3 });
    expect(await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids }, tag: 'summer', action: 'add' })).toEqual({ changed: 0 });
    expect(await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids: ids.slice(0, 2) }, tag: 'SUMMER', action: 'remove' })).toEqual({ changed: 2 });
    expect(await call(core, 'tags.list', {})).toEqual([{ name: 'Summer', contacts: 1 }]);
  });

  it('tags every client matching the search and filter, but the ones unticked', async () => {
    for (const [name, visitCount] of [['Ana', 5], ['Anabel', 7], ['Annie', 9], ['Bo', 8]] as const) {
      await call(core, 'contacts.create', { name, email: `${name.toLowerCase()}@salon.dev`, visitCount });
    }
    const filter: AudienceFilter = { kind: 'group', match: 'all', conditions: [{ kind: 'number', field: 'visitCount', op: 'gte', value: 6 }] };
    const target = { kind: 'matching' as const, search: 'an', filter, except: [3] };
    expect(await call(core, 'contacts.bulkTag', { target, tag: 'Regular', action: 'add' })).toEqual({ changed: 1 });
    const tagged = await call(core, 'contacts.list', {
      filter: { kind: 'group', match: 'all', conditions: [{ kind: 'tags', field: 'tags', op: 'any', value: ['Regular'] }] },
    });
    expect(tagged.contacts.map((c) => c.name)).toEqual(['Anabel']);
  });

  it('deletes a client with their consent history but keeps past broadcasts’ snapshot', async () => {
    const ana = await call(core, 'contacts.create', { name: 'Ana', phone: '4155552671', consent: { sms: 'granted', email: 'unknown' } });
    const draft = await createBroadcast(core, { name: 'Hi', type: 'sms', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    await call(core, 'contacts.delete', { id: ana.id });
    expect((await callFailing(core, 'contacts.get', { id: ana.id })).code).toBe('not_found');
    const { deliveries } = await call(core, 'broadcasts.deliveries', { id: draft.id });
    expect(deliveries.map((d) => d.recipientName)).toEqual(['Ana']);
  });
});
