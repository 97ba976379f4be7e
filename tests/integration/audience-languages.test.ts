// Tags, text conditions, the contacts search and imports compare text by one folding rule, through the
// real handlers: an audience of "Élite" finds the Élite clients, and "none of" leaves them all out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceCondition, AudienceFilter } from '../../shared/audience';
import type { Core } from '../../electron/core';
import { csvText, fileBytes, importFile } from '../support/csv-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

const all = (...conditions: AudienceFilter['conditions']): AudienceFilter => ({ kind: 'group', match: 'all', conditions });
const CONSENT = { sms: 'granted', email: 'granted' } as const;
// Typed on a keyboard that sends "e" then a combining diaeresis (NFD), as some phones do.
const ZOE = 'Zoe\u0308 Οδυσσεύς';
/** The clients tagged Élite (or élite) when added, in the order names() gives. */
const ELITE = ['Jürgen Straße', 'ÉLODIE Martin'];

describe('audiences in every language', () => {
  const dir = tempDir();
  let core: Core;

  async function names(filter: AudienceFilter, search = ''): Promise<string[]> {
    const { contacts, total } = await call(core, 'contacts.list', { filter, search, limit: 1000 });
    if (!search) expect((await call(core, 'audience.summary', { filter })).matched).toBe(total);
    return contacts.map((c) => c.name).sort();
  }
  const where = (condition: AudienceCondition) => names(all(condition));
  const tags = async () => (await call(core, 'tags.list', {})).sort((a, b) => (a.name < b.name ? -1 : 1));

  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'FR' });
    await call(core, 'contacts.create', { name: 'ÉLODIE Martin', phone: '06 12 34 56 78', tags: ['Élite'], consent: CONSENT });
    await call(core, 'contacts.create', { name: 'Jürgen Straße', phone: '06 12 34 56 79', leadStatus: 'Straße', tags: ['élite'], consent: CONSENT });
    await call(core, 'contacts.create', { name: ZOE, phone: '06 12 34 56 80', notes: 'Prefère le soin e\u0301clat', consent: CONSENT });
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '06 12 34 56 81', tags: ['VIP'], consent: CONSENT });
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('keeps one tag for names that differ only in case or accents typed apart', async () => {
    expect(await tags()).toEqual([
      { name: 'VIP', contacts: 1 },
      { name: 'Élite', contacts: 2 },
    ]);
  });

  it('finds the tagged clients with any and all, and leaves exactly them out with none', async () => {
    expect(await where({ kind: 'tags', field: 'tags', op: 'any', value: ['Élite'] })).toEqual(ELITE);
    expect(await where({ kind: 'tags', field: 'tags', op: 'any', value: ['e\u0301lite'] })).toEqual(ELITE);
    expect(await where({ kind: 'tags', field: 'tags', op: 'all', value: ['élite', 'ÉLITE'] })).toEqual(ELITE);
    expect(await where({ kind: 'tags', field: 'tags', op: 'none', value: ['Élite'] })).toEqual(['Ana Lopez', ZOE]);
  });

  it('compares text conditions whatever the case, ß or accents typed apart', async () => {
    expect(await where({ kind: 'text', field: 'name', op: 'is', value: 'élodie martin' })).toEqual(['ÉLODIE Martin']);
    expect(await where({ kind: 'text', field: 'name', op: 'contains', value: 'élodie' })).toEqual(['ÉLODIE Martin']);
    expect(await where({ kind: 'text', field: 'leadStatus', op: 'is', value: 'STRASSE' })).toEqual(['Jürgen Straße']);
    expect(await where({ kind: 'text', field: 'leadStatus', op: 'is_any_of', value: ['strasse'] })).toEqual(['Jürgen Straße']);
    expect(await where({ kind: 'text', field: 'leadStatus', op: 'is_not', value: 'strasse' })).toHaveLength(3);
    expect(await where({ kind: 'text', field: 'name', op: 'contains', value: 'zoë ΟΔΥΣΣΕΎΣ' })).toEqual([ZOE]);
    expect(await where({ kind: 'text', field: 'notes', op: 'contains', value: 'ÉCLAT' })).toHaveLength(1);
  });

  it('searches the contacts list by the same rule, but without regard to accents', async () => {
    expect(await names(all(), 'élodie')).toEqual(['ÉLODIE Martin']);
    expect(await names(all(), 'STRASSE')).toEqual(['Jürgen Straße']);
    expect(await names(all(), 'ΟΔΥΣΣΕΎΣ')).toEqual([ZOE]);
    // The search box forgives a missing accent; an audience's condition does not.
    expect(await names(all(), 'οδυσσευς')).toEqual([ZOE]);
    expect(await where({ kind: 'text', field: 'name', op: 'contains', value: 'οδυσσευς' })).toEqual([]);
  });

  it('reuses the existing tag when bulk-tagging in other case, and removes it the same way', async () => {
    const { contacts } = await call(core, 'contacts.list', { search: 'Ana' });
    const ana = contacts.map((c) => c.id);
    expect(await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids: ana }, tag: 'élite', action: 'add' })).toEqual({ changed: 1 });
    expect(await tags()).toEqual([
      { name: 'VIP', contacts: 1 },
      { name: 'Élite', contacts: 3 },
    ]);
    expect(await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids: ana }, tag: 'ÉLITE', action: 'remove' })).toEqual({ changed: 1 });
  });

  it('keeps the keys right when a client is edited, to and from accented text', async () => {
    const zoe = (await call(core, 'contacts.list', { search: 'zoë' })).contacts[0];
    if (!zoe) throw new Error('Zoë not found');
    await call(core, 'contacts.update', { id: zoe.id, name: 'Zoe Brown', tags: ['élite'] });
    expect(await where({ kind: 'text', field: 'name', op: 'contains', value: 'zoë' })).toEqual([]);
    expect(await where({ kind: 'text', field: 'name', op: 'is', value: 'ZOE BROWN' })).toEqual(['Zoe Brown']);
    expect(await where({ kind: 'tags', field: 'tags', op: 'any', value: ['Élite'] })).toEqual(['Jürgen Straße', 'Zoe Brown', 'ÉLODIE Martin'].sort());
    await call(core, 'contacts.update', { id: zoe.id, name: 'Zoë Οδυσσεύς', tags: [] });
    expect(await where({ kind: 'text', field: 'name', op: 'is', value: 'ZOË ΟΔΥΣΣΕΎΣ' })).toEqual(['Zoë Οδυσσεύς']);
  });

  it('tags imported clients with the existing tag, and folds what the file brings', async () => {
    const file = csvText(['Name,Mobile,Tags,Lead Status', 'Åsa Öberg,06 12 34 56 90,élite;ÉLITE,SÆLGER', 'Ana Lopez,06 12 34 56 81,vip,']);
    const result = await importFile(core, 'clients.csv', fileBytes(file, 'utf-8'), { tags: ['Import Été'] });
    expect(result.summary).toMatchObject({ added: 1, updated: 1 });
    expect(await tags()).toEqual([
      { name: 'Import Été', contacts: 2 },
      { name: 'VIP', contacts: 1 },
      { name: 'Élite', contacts: 3 },
    ]);
    expect(await where({ kind: 'text', field: 'leadStatus', op: 'is', value: 'sælger' })).toEqual(['Åsa Öberg']);
    expect(await where({ kind: 'tags', field: 'tags', op: 'all', value: ['import été', 'ÉLITE'] })).toEqual(['Åsa Öberg']);
  });
});
