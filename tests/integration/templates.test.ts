import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { TemplateDto } from '../../shared/templates';
import { snapshotDatabase } from '../support/db-snapshot';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const NOW = new Date('2026-03-15T09:00:00Z');

/** What templates.save takes to change a template as it is (the dates are the core's). */
const asInput = ({ createdAt: _createdAt, updatedAt: _updatedAt, ...input }: TemplateDto) => input;

describe('templates', () => {
  const dir = tempDir();
  const dbPath = join(dir.path, 'salon.db');
  let core: Core;

  beforeAll(async () => {
    core = createTestCore(dir.path, { clock: { now: () => NOW } });
    // A client with a custom field makes {{custom:Stylist}} a known token.
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '(415) 555-2671', customFields: { Stylist: 'Maria' } });
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  function auditActions(subject: string): string[] {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db.prepare('SELECT action FROM audit_log WHERE subject = ? ORDER BY id').pluck().all(subject) as string[];
    } finally {
      db.close();
    }
  }

  it('saves, lists by channel, gets, renames, updates and deletes', async () => {
    const sms = await call(core, 'templates.save', {
      name: ' Birthday ',
      channel: 'sms',
      content: { body: 'Happy birthday {{firstName|there}}! {{custom:Stylist}} at {{salonName}} has a treat for you.' },
    });
    expect(sms).toMatchObject({ name: 'Birthday', channel: 'sms', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    const email = await call(core, 'templates.save', {
      name: 'Welcome',
      channel: 'email',
      content: { subject: 'Welcome to {{salonName}}', body: '# Hello {{firstName}}\n\nThanks for visiting.' },
    });
    const push = await call(core, 'templates.save', {
      name: 'Last minute',
      channel: 'push',
      content: { title: 'A chair just opened', body: 'Book today, {{firstName|friend}}', url: 'https://salon.dev/book' },
    });

    expect((await call(core, 'templates.list', {})).map((t) => t.name)).toEqual(['Birthday', 'Last minute', 'Welcome']);
    expect(await call(core, 'templates.list', { channel: 'email' })).toEqual([email]);
    expect(await call(core, 'templates.list', { channel: 'push' })).toEqual([push]);
    expect(await call(core, 'templates.get', { id: sms.id })).toEqual(sms);

    const renamed = await call(core, 'templates.save', { id: sms.id, name: 'Birthday treat', channel: 'sms', content: { body: 'Happy birthday!' } });
    expect(renamed).toMatchObject({ id: sms.id, name: 'Birthday treat', content: { body: 'Happy birthday!' } });
    expect(await call(core, 'templates.list', { channel: 'sms' })).toEqual([renamed]);

    expect(await call(core, 'templates.delete', { id: sms.id })).toEqual({ id: sms.id });
    expect((await callFailing(core, 'templates.get', { id: sms.id })).code).toBe('not_found');
    expect(await call(core, 'templates.list', { channel: 'sms' })).toEqual([]);

    for (const template of [email, push]) await call(core, 'templates.delete', { id: template.id });
  });

  it('records every change in the audit log', async () => {
    const saved = await call(core, 'templates.save', { name: 'Audited', channel: 'sms', content: { body: 'Hi' } });
    await call(core, 'templates.save', { id: saved.id, name: 'Audited', channel: 'sms', content: { body: 'Hi again' } });
    await call(core, 'templates.delete', { id: saved.id });
    expect(auditActions(`template:${saved.id}`)).toEqual(['template.saved', 'template.saved', 'template.deleted']);
  });

  it('refuses a name already used on the same channel, whatever its case, but allows it on another', async () => {
    const first = await call(core, 'templates.save', { name: 'Reminder', channel: 'sms', content: { body: 'See you soon' } });
    const other = await call(core, 'templates.save', { name: 'Other', channel: 'sms', content: { body: 'Hi' } });
    const before = snapshotDatabase(dbPath);

    const onCreate = await callFailing(core, 'templates.save', { name: 'REMINDER', channel: 'sms', content: { body: 'Again' } });
    expect(onCreate).toMatchObject({ code: 'duplicate', issues: [{ path: 'name' }] });
    expect(onCreate.message).toContain('Reminder');
    const onRename = await callFailing(core, 'templates.save', { ...asInput(other), name: 'reminder' });
    expect(onRename).toMatchObject({ code: 'duplicate', issues: [{ path: 'name' }] });
    expect(snapshotDatabase(dbPath)).toBe(before);

    // Saving a template under its own name, with a change of case, is not a clash.
    expect((await call(core, 'templates.save', { ...asInput(first), name: 'reminder' })).name).toBe('reminder');
    const onEmail = await call(core, 'templates.save', {
      name: 'Reminder',
      channel: 'email',
      content: { subject: 'See you soon', body: 'Your appointment is tomorrow.' },
    });
    expect(onEmail.channel).toBe('email');
  });

  it('refuses unknown tokens on the field they are in, naming them, and writes nothing', async () => {
    const before = snapshotDatabase(dbPath);
    const sms = await callFailing(core, 'templates.save', { name: 'Typo', channel: 'sms', content: { body: 'Hi {{frstName}}' } });
    expect(sms).toMatchObject({ code: 'invalid_input', issues: [{ path: 'content.body' }] });
    expect(sms.message).toContain('frstName');

    const email = await callFailing(core, 'templates.save', {
      name: 'Typo',
      channel: 'email',
      content: { subject: 'Hi {{custom:Colour}}', body: 'Hello {{firstName}}' },
    });
    expect(email.issues).toEqual([{ path: 'content.subject', message: 'Unknown field “custom:Colour”' }]);

    const push = await callFailing(core, 'templates.save', {
      name: 'Typo',
      channel: 'push',
      content: { title: 'Hi', body: 'Book now {{firstName}' },
    });
    expect(push).toMatchObject({ code: 'invalid_input', issues: [{ path: 'content.body' }] });
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('answers not_found for a missing template and writes nothing', async () => {
    const before = snapshotDatabase(dbPath);
    expect((await callFailing(core, 'templates.save', { id: 999, name: 'Gone', channel: 'sms', content: { body: 'Hi' } })).code).toBe(
      'not_found',
    );
    expect((await callFailing(core, 'templates.delete', { id: 999 })).code).toBe('not_found');
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('holds push notifications to their limits', async () => {
    const push = (content: { title: string; body: string; url?: string }) =>
      core.dispatch('templates.save', { name: 'Push limits', channel: 'push', content });
    expect(await push({ title: 'x'.repeat(66), body: 'Hi' })).toMatchObject({ ok: false, error: { issues: [{ path: 'content.title' }] } });
    expect(await push({ title: 'Hi', body: 'x'.repeat(241) })).toMatchObject({ ok: false, error: { issues: [{ path: 'content.body' }] } });
    expect(await push({ title: 'Hi', body: 'Hi', url: 'salon.dev/book' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'content.url' }] },
    });
    const saved = await call(core, 'templates.save', {
      name: 'Push limits',
      channel: 'push',
      content: { title: 'x'.repeat(65), body: 'y'.repeat(240), url: 'http://salon.dev/book' },
    });
    expect(saved.content).toEqual({ title: 'x'.repeat(65), body: 'y'.repeat(240), url: 'http://salon.dev/book' });
    const withoutLink = await call(core, 'templates.save', { id: saved.id, name: 'Push limits', channel: 'push', content: { title: 'Hi', body: 'No link' } });
    expect(withoutLink.content).toEqual({ title: 'Hi', body: 'No link' });
  });

  it('caps a text at 1600 characters', async () => {
    const saved = await call(core, 'templates.save', { name: 'Long', channel: 'sms', content: { body: 'x'.repeat(1600) } });
    expect(saved.content).toEqual({ body: 'x'.repeat(1600) });
    const error = await callFailing(core, 'templates.save', { id: saved.id, name: 'Long', channel: 'sms', content: { body: 'x'.repeat(1601) } });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'content.body' }] });
  });
});
