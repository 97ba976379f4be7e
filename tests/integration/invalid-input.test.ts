import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import type { Core } from '../../electron/core';
import { snapshotDatabase } from '../support/db-snapshot';
import { createBroadcast, simpleDraft } from '../support/broadcasts';
import { emptyStep } from '../../shared/broadcasts';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

/** A valid start of an import, for the entries below to spoil one field at a time. */
const START = {
  uploadId: 'abcdefgh1',
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
  mergeRule: 'fill_empty',
  consent: { sms: 'granted', email: 'unknown', source: 'At booking' },
};

/** For every method, inputs the contract must turn away. A new method without an entry fails to compile. */
const INVALID_INPUTS: Record<MethodName, unknown[]> = {
  'app.info': [{ extra: 1 }, 'text', 42],
  'settings.get': [{ extra: 1 }, []],
  'settings.update': [{ country: 'USA' }, { timeZone: 'Mars/Olympus' }, { salonName: '' }, { startAtLogin: 'yes' }, { unknown: 1 }, { quietHours: { start: '21:00', end: '08:00' } }, { smsPricePerSegment: -1 }, { budgetCap: 0 }, { smsPerSecond: 0 }, { ownerEmail: 'not an email' }, { ownerPhone: '123' }, { currency: 'dollars' }],
  'sending.setPaused': [{}, { paused: 'true' }],
  'contacts.list': [
    { limit: 0 },
    { limit: 5000 },
    { offset: -1 },
    { search: 7 },
    { sort: 'phone; DROP TABLE contacts' },
    { tag: '' },
    { tag: 7 },
    { filter: { kind: 'group', match: 'all', conditions: [{ kind: 'text', field: 'name) OR 1=1 --', op: 'is', value: 'x' }] } },
  ],
  'contacts.get': [{}, { id: 'x' }],
  'contacts.setConsent': [
    { id: 1, channel: 'sms', status: 'granted' },
    { id: 1, channel: 'fax', status: 'granted', reason: 'Asked' },
    { id: 1, channel: 'sms', status: 'unknown', reason: 'Asked' },
  ],
  'contacts.bulkTag': [
    { target: { kind: 'ids', ids: [] }, tag: 'VIP', action: 'add' },
    { target: { kind: 'ids', ids: [1] }, tag: '', action: 'add' },
    { target: { kind: 'ids', ids: [1] }, tag: 'VIP', action: 'toggle' },
    { target: { kind: 'everyone' }, tag: 'VIP', action: 'add' },
    { ids: [1], tag: 'VIP', action: 'add' },
  ],
  'contacts.bulkConsent': [
    { target: { kind: 'ids', ids: [1] }, channel: 'sms', status: 'granted' },
    { target: { kind: 'ids', ids: [1] }, channel: 'sms', status: 'granted', reason: '' },
    { target: { kind: 'ids', ids: [1] }, channel: 'push', status: 'granted', reason: 'Asked' },
    { target: { kind: 'ids', ids: [1] }, channel: 'sms', status: 'unknown', reason: 'Asked' },
    { target: { kind: 'matching', tag: '' }, channel: 'sms', status: 'opted_out', reason: 'Asked' },
  ],
  'contacts.export': [{}, { target: { kind: 'ids', ids: [] } }, { target: { kind: 'matching', tag: 3 } }],
  'exports.chunk': [{ fileId: '../../etc/passwd', offset: 0 }, { fileId: 'abcdefgh-1234', offset: -1 }, { fileId: 'abcdefgh-1234' }],
  'exports.saveAs': [{ fileId: '../../etc/passwd', fileName: 'a.csv' }, { fileId: 'abcdefgh-1234', fileName: ' ' }, { fileId: 'abcdefgh-1234' }],
  'reports.deliveriesCsv': [
    {},
    { filter: {}, separator: '|' },
    { filter: { from: '2026-12-05', to: '2026-12-04' } },
    { filter: { statuses: [] } },
    { filter: { channel: 'fax' } },
    { filter: {}, extra: 1 },
  ],
  'tracking.broadcast': [{}, { id: 0 }, { id: '1' }, { id: 1, extra: 1 }],
  'tracking.failureReasons': [{}, { id: -1 }, { id: 1.5 }],
  'tracking.timeline': [{}, { id: 'x' }],
  'tracking.deliveries': [
    {},
    { filter: {}, sort: 'name; DROP TABLE deliveries' },
    { filter: {}, direction: 'up' },
    { filter: {}, limit: 0 },
    { filter: {}, limit: 501 },
    { filter: {}, after: 'x'.repeat(501) },
    { filter: { day: 0 } },
    { filter: { reason: '' } },
    { filter: { search: 'x'.repeat(201) } },
    { filter: { from: '5 December' } },
  ],
  'tracking.summary': [{}, { filter: { broadcastId: 0 } }, { filter: { statuses: ['lost'] } }, { filter: { from: '2026-12-05', to: '2026-12-04' } }],
  'tags.list': [{ x: 1 }],
  'customFields.list': [{ x: 1 }],
  'audience.summary': [
    {},
    { filter: { kind: 'group', match: 'some', conditions: [] } },
    { filter: { kind: 'group', match: 'all', conditions: [{ kind: 'text', field: 'password', op: 'is', value: 'x' }] } },
    { filter: { kind: 'group', match: 'all', conditions: [{ kind: 'text', field: "custom:x') OR 1=1 --", op: 'is', value: 'x' }] } },
    { filter: { kind: 'group', match: 'all', conditions: [{ kind: 'number', field: 'visitCount', op: 'between', value: 5, value2: 1 }] } },
    { filter: { kind: 'group', match: 'all', conditions: [{ kind: 'date', field: 'lastVisitAt', op: 'before', value: 'yesterday' }] } },
    { filter: nested(6) },
  ],
  'segments.list': [{ x: 1 }],
  'segments.save': [{ name: '', filter: { kind: 'group', match: 'all', conditions: [] } }, { name: 'A' }],
  'segments.delete': [{}, { id: -3 }],
  'imports.upload': [{ fileName: 'a.csv', chunk: 'not base64!' }, { fileName: '', chunk: '' }, { uploadId: '../../etc', fileName: 'a.csv', chunk: '' }],
  'imports.preview': [{}, { uploadId: '../../../etc/passwd' }, { uploadId: 'abcdefgh1', encoding: 'ebcdic' }],
  'imports.start': [
    {},
    { ...START, mapping: ['password'] },
    { ...START, mapping: ['phone'], consent: { sms: 'granted', email: 'unknown', source: '' } },
    { ...START, mapping: ['phone'], country: 'France', consentValues: { yes: 'maybe' }, nameOrder: 'reversed' },
  ],
  'imports.columnValues': [{}, { uploadId: 'abcdefgh1', encoding: 'utf-8', delimiter: ',', hasHeader: true, column: -1 }],
  'imports.rows': [{ id: 1 }, { id: 1, kind: 'rejected' }],
  'imports.get': [{}, { id: 'x' }],
  'imports.cancel': [{}],
  'imports.rejectedCsv': [{ id: 0 }, { id: 1, kind: 'all' }],
  'imports.watched.get': [{ extra: 1 }, []],
  'imports.watched.set': [
    {},
    { importId: 1, path: '/tmp/clients.csv' },
    { importId: 0, path: '/tmp/clients.csv', time: '02:00' },
    { importId: 1, path: '', time: '02:00' },
    { importId: 1, path: '/tmp/clients.csv', time: '24:00' },
    { importId: 1, path: '/tmp/clients.csv', time: '2:00' },
    { importId: 1, path: '/tmp/clients.csv', time: '02:00', mapping: [] },
  ],
  'imports.watched.clear': [{ extra: 1 }],
  'automations.list': [{ extra: 1 }, []],
  'automations.get': [{}, { id: 0 }, { id: 'birthday' }],
  'automations.update': [
    { id: 1 },
    { id: 1, automation: {} },
    { id: 1, automation: { name: '', type: 'sms', days: 7, audience: { kind: 'group', match: 'all', conditions: [] }, sms: { body: 'Hi', optOutLine: true }, email: { subject: '', body: '' }, sendTime: '10:00', exemptFromCap: false, skipIfBooked: false, skipIfVisitedWithinDays: null } },
    { id: 1, automation: { name: 'B', type: 'push', days: 7, audience: { kind: 'group', match: 'all', conditions: [] }, sms: { body: 'Hi', optOutLine: true }, email: { subject: '', body: '' }, sendTime: '10:00', exemptFromCap: false, skipIfBooked: false, skipIfVisitedWithinDays: null } },
    { id: 1, automation: { name: 'B', type: 'sms', days: -1, audience: { kind: 'group', match: 'all', conditions: [] }, sms: { body: 'Hi', optOutLine: true }, email: { subject: '', body: '' }, sendTime: '25:00', exemptFromCap: false, skipIfBooked: false, skipIfVisitedWithinDays: 0 } },
  ],
  'automations.setEnabled': [{ id: 1 }, { id: 1, enabled: 'yes' }],
  'automations.preview': [{}, { id: 1, automation: { name: 'x' } }],
  'automations.stats': [{}, { id: -1 }],
  'automations.history': [{}, { id: 1, limit: 0 }, { id: 1, after: 'x'.repeat(201) }],
  'contacts.automationLog': [{}, { id: 1.5 }],
  'automations.rehearse': [{}, { id: 1, days: 0 }, { id: 1, days: 91 }],
  'imports.watched.runNow': [{ now: true }],
  'contacts.create': [
    {},
    { name: '' },
    { name: '   ', phone: '4155552671' },
    { name: 'A', email: 'not-an-email' },
    { name: 'A', nextAppointmentAt: 'next Tuesday' },
    { name: 'A', phone: 12345 },
    { name: 'x'.repeat(201), phone: '4155552671' },
    { name: 'A', phone: '4155552671', isAdmin: true },
  ],
  'contacts.update': [{ name: 'A', phone: '4155552671' }, { id: -1, name: 'A', phone: '4155552671' }, { id: 1.5, name: 'A' }],
  'contacts.delete': [{}, { id: '1' }, { id: 0 }],
  'broadcasts.list': [{ status: 'x' }, { sort: 'id; DROP TABLE campaigns' }],
  'broadcasts.get': [{}, { id: 'abc' }],
  'broadcasts.saveDraft': [
    {},
    { draft: { ...simpleDraft({ name: 'A' }), type: 'pigeon' } },
    { draft: simpleDraft({ name: 'A', body: 'x'.repeat(1601) }) },
    { draft: simpleDraft({ name: 'A', sendAt: 'tomorrow at ten' }) },
    { draft: { ...simpleDraft({ name: 'A' }), steps: [] } },
    { draft: { ...simpleDraft({ name: 'A' }), steps: Array.from({ length: 15 }, () => emptyStep()) } },
    { draft: { ...simpleDraft({ name: 'A' }), audience: { segmentId: null, filter: { kind: 'group', match: 'all', conditions: [{ kind: 'text', field: 'name; DROP TABLE contacts', op: 'is', value: 'x' }] } } } },
    { id: 0, draft: simpleDraft({ name: 'A' }) },
    { draft: simpleDraft({ name: 'A' }), extra: true },
  ],
  'broadcasts.deleteDraft': [{}, { id: 'x' }],
  'broadcasts.review': [{}, { id: -3 }],
  'broadcasts.preview': [
    {},
    { type: 'sms', step: emptyStep(), audience: { kind: 'group', match: 'all', conditions: [] }, contactId: 'Ana' },
    { type: 'fax', step: emptyStep(), audience: { kind: 'group', match: 'all', conditions: [] } },
    { type: 'sms', step: { ...emptyStep(), push: { title: 'x'.repeat(66), body: '', url: '' } }, audience: { kind: 'group', match: 'all', conditions: [] } },
  ],
  'broadcasts.testSend': [{ id: 1 }, { id: 1, day: 0, channel: 'sms' }, { id: 1, day: 1, channel: 'pigeon' }],
  'broadcasts.edit': [{ id: 1.5 }],
  'broadcasts.launch': [{}, { id: null }],
  'broadcasts.deliveries': [{}, { id: 1, limit: 100_000 }, { id: 1, status: 'lost' }],
  'broadcasts.resendUnknown': [{}, { deliveryId: 'x' }, { deliveryId: -1 }],
  'broadcasts.sendMissed': [{ id: 1 }, { id: 1, day: 0 }, { id: 1, day: 15 }],
  'broadcasts.skipMissed': [{ id: 1 }, { id: 1, day: 'one' }],
  'tracking.resendFailed': [{}, { id: 0 }, { id: 1, code: '' }, { id: 1, code: 'x'.repeat(41) }, { id: 1, extra: 1 }],
  'tracking.stopTexting': [{ id: 1 }, { id: 1, code: '  ' }, { id: '1', code: '30006' }, { id: 1, code: 30006 }],
  'dashboard.stats': [{ extra: 1 }, []],
  'contacts.history': [{}, { id: 1, limit: 0 }, { id: 1, limit: 201 }, { id: 1, after: 'x'.repeat(201) }, { id: 1, after: 5 }],
  'contacts.markSmsUsable': [{}, { id: -3 }, { id: 1, code: '30006' }],
  'sending.get': [{ extra: 1 }],
  'sending.saveTwilio': [
    {},
    { accountSid: 'AC123', authKind: 'token', apiKeySid: null, from: '+14155550100', messagingServiceSid: null, dailyCap: null },
    { accountSid: `AC${'a'.repeat(32)}`, authKind: 'token', apiKeySid: null, from: null, messagingServiceSid: null, dailyCap: null },
    { accountSid: `AC${'a'.repeat(32)}`, authKind: 'apiKey', apiKeySid: null, from: '+14155550100', messagingServiceSid: null, dailyCap: null },
    { accountSid: `AC${'a'.repeat(32)}`, authKind: 'token', apiKeySid: null, from: '4155550100', messagingServiceSid: null, dailyCap: 0 },
  ],
  'sending.saveSmtp': [
    {},
    { host: '', port: 587, tls: 'starttls', user: 'a', fromName: 'S', fromAddress: 'a@b.co', replyTo: null, perDay: null },
    { host: 'smtp.x.co', port: 70000, tls: 'starttls', user: 'a', fromName: 'S', fromAddress: 'a@b.co', replyTo: null, perDay: null },
    { host: 'smtp.x.co', port: 587, tls: 'ssl3', user: 'a', fromName: 'S', fromAddress: 'a@b.co', replyTo: null, perDay: null },
    { host: 'smtp.x.co', port: 587, tls: 'starttls', user: 'a', fromName: 'S', fromAddress: 'nope', replyTo: null, perDay: null },
  ],
  'sending.generatePushKeys': [{ extra: 1 }],
  'sending.removeProvider': [{}, { provider: 'carrier-pigeon' }],
  'sending.test': [{}, { provider: 'fax' }],
  'sending.setLive': [{}, { live: 'yes' }],
  'sending.importSubscriptions': [{}, { format: 'xml', text: 'x' }, { format: 'json', text: '' }],
  'replies.list': [{ limit: 0 }, { broadcastId: 'x' }, { offset: -1 }],
  'broadcasts.effect': [{ id: 1 }, { id: 1, action: 'delete' }],
  'broadcasts.pause': [{}],
  'broadcasts.resume': [{ id: 'all' }],
  'broadcasts.cancel': [{ id: -1 }],
  'broadcasts.duplicate': [{}],
  'templates.list': [{ channel: 'fax' }, { channel: 'sms', extra: 1 }],
  'templates.get': [{}, { id: 'x' }],
  'templates.save': [
    {},
    { name: '', channel: 'sms', content: { body: 'Hello' } },
    { name: 'A', channel: 'sms', content: { body: 'x'.repeat(1601) } },
    { name: 'A', channel: 'email', content: { body: 'Hello' } },
    { name: 'A', channel: 'push', content: { title: 'x'.repeat(66), body: 'Hello' } },
    { name: 'A', channel: 'push', content: { title: 'Hi', body: 'Hello', url: 'javascript:alert(1)' } },
    { name: 'A', channel: 'pigeon', content: { body: 'Hello' } },
    { name: 'A', channel: 'sms', content: { body: 'Hello', subject: 'Hi' } },
  ],
  'templates.delete': [{}, { id: 0 }],
};

function nested(levels: number): unknown {
  return levels === 0
    ? { kind: 'group', match: 'all', conditions: [] }
    : { kind: 'group', match: 'any', conditions: [nested(levels - 1)] };
}

describe('invalid input', () => {
  const dir = tempDir();
  let core: Core;
  const dbPath = join(dir.path, 'salon.db');

  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '(415) 555-2671', email: 'ana@salon.dev' });
    await call(core, 'contacts.create', { name: 'Bo Chen', phone: '(415) 555-2600' });
    await createBroadcast(core, { name: 'Draft', body: 'Hello' });
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('covers every method of the contract', () => {
    expect(Object.keys(INVALID_INPUTS).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const [method, inputs] of Object.entries(INVALID_INPUTS)) {
    it(`${method} answers invalid_input and changes nothing`, async () => {
      for (const input of inputs) {
        const before = snapshotDatabase(dbPath);
        const error = await callFailing(core, method, input);
        expect(error.code, JSON.stringify(input)).toBe('invalid_input');
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.issues?.length).toBeGreaterThan(0);
        expect(snapshotDatabase(dbPath)).toBe(before);
      }
    });
  }

  it('explains a phone number that is not valid for the salon’s country, next to the field', async () => {
    const before = snapshotDatabase(dbPath);
    const error = await callFailing(core, 'contacts.create', { name: 'Cy', phone: '555-12' });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'phone' }] });
    expect(error.message).toContain('not a valid phone number for United States');
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('needs a way to reach the client', async () => {
    const error = await callFailing(core, 'contacts.create', { name: 'Cy' });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'phone' }] });
  });

  it('refuses a duplicate and names the client who already has the number, on create and on edit', async () => {
    const before = snapshotDatabase(dbPath);
    // Same number typed differently still matches once normalised to E.164.
    const onCreate = await callFailing(core, 'contacts.create', { name: 'Someone', phone: '+1 415-555-2671' });
    expect(onCreate).toMatchObject({ code: 'duplicate', issues: [{ path: 'phone' }] });
    expect(onCreate.message).toContain('Ana Lopez');
    const onEdit = await callFailing(core, 'contacts.update', { id: 2, email: 'ANA@salon.dev' });
    expect(onEdit).toMatchObject({ code: 'duplicate', issues: [{ path: 'email' }] });
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('answers not_found for a missing record and changes nothing', async () => {
    const before = snapshotDatabase(dbPath);
    expect((await callFailing(core, 'contacts.delete', { id: 999 })).code).toBe('not_found');
    expect((await callFailing(core, 'contacts.update', { id: 999, name: 'X', phone: '4155550000' })).code).toBe('not_found');
    expect((await callFailing(core, 'broadcasts.launch', { id: 999 })).code).toBe('not_found');
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('answers unknown_method for a name that is not in the contract', async () => {
    expect((await callFailing(core, 'contacts.dropAll', {})).code).toBe('unknown_method');
    expect((await callFailing(core, 'toString', {})).code).toBe('unknown_method');
  });
});

describe('internal errors', () => {
  it('answer a typed error without the stack, and log the stack', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    const core = createTestCore(dir.path, {
      log: { info() {}, warn() {}, error: (message, detail) => logged.push(`${message} ${JSON.stringify(detail)}`) },
    });
    await core.stop(); // the database is closed: every handler that reads it fails
    const error = await callFailing(core, 'contacts.list', {});
    expect(error.code).toBe('internal');
    expect(error.message).not.toMatch(/at .*\.ts|database/i);
    expect(logged.join('\n')).toMatch(/contacts\.list[\s\S]*at /);
    dir.remove();
  });
});
