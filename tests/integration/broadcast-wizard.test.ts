import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERYONE } from '../../shared/audience';
import { emptyStep } from '../../shared/broadcasts';
import type { Core } from '../../electron/core';
import { createBroadcast, simpleDraft } from '../support/broadcasts';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

// Friday 6 March 2026, 09:00 in Chicago; the clocks go forward on Sunday 8 March.
const START = new Date('2026-03-06T15:00:00Z');
const BOTH = { sms: 'granted', email: 'granted' } as const;

describe('the broadcast wizard through the contract', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let now: Date;
  let ana: number;
  const db = () => new Database(join(dir.path, 'salon.db'), { readonly: true });

  beforeEach(async () => {
    dir = tempDir();
    now = START;
    core = createTestCore(dir.path, { clock: { now: () => now } });
    await call(core, 'settings.update', {
      timeZone: 'America/Chicago',
      salonName: 'Luxe & Co',
      postalAddress: '1 Main St, Springfield',
      smsPricePerSegment: 0.01,
      smsPerSecond: 2,
      emailPerMinute: 60,
    });
    ana = (await call(core, 'contacts.create', { name: 'Ana Lopez', firstName: 'Ana', phone: '(415) 555-2671', email: 'ana@salon.dev', consent: BOTH })).id;
    // A name that would be markup in an email, and one that forces Unicode in a text.
    await call(core, 'contacts.create', { name: '<b>Bo</b> Chen', firstName: '<b>Bo</b>', phone: '(415) 555-2600', email: 'bo@salon.dev', consent: BOTH });
    await call(core, 'contacts.create', { name: 'Zoë Ward', firstName: 'Zoë', phone: '(415) 555-2602', consent: { sms: 'granted', email: 'unknown' } });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('launches a 3-day SMS & Email sequence: Day N follows Day 1 at the same wall-clock time, across DST', async () => {
    const draft = await createBroadcast(core, {
      name: 'Welcome series',
      type: 'sms_email',
      body: 'Hi {{firstName|there}}',
      subject: 'Welcome',
      sendAt: '2026-03-07T10:00',
      laterSteps: [{ body: 'Day two', subject: 'Two' }, { body: 'Day three', subject: 'Three', sendAt: '2026-03-10T20:30' }],
    });
    const launched = await call(core, 'broadcasts.launch', { id: draft.id });
    expect(launched.status).toBe('scheduled');
    expect(launched.steps.map((step) => step.schedule)).toEqual([
      { local: '2026-03-07T10:00', zone: 'America/Chicago', utc: '2026-03-07T16:00:00.000Z', note: null },
      // Sunday 8 March is after the change to daylight time: 10:00 is now 15:00 UTC.
      { local: '2026-03-08T10:00', zone: 'America/Chicago', utc: '2026-03-08T15:00:00.000Z', note: null },
      { local: '2026-03-10T20:30', zone: 'America/Chicago', utc: '2026-03-11T01:30:00.000Z', note: null },
    ]);
    // Three recipients get texts, two of them also emails: 5 deliveries per step, all queued at launch.
    expect(launched.stats).toMatchObject({ recipients: 3, pending: 15 });
    const reader = db();
    const dueByStep = reader
      .prepare(`SELECT s.day, d.channel, COUNT(*) AS n, MIN(d.due_at) AS due FROM deliveries d JOIN campaign_steps s ON s.id = d.step_id GROUP BY s.day, d.channel ORDER BY s.day, d.channel`)
      .all();
    reader.close();
    expect(dueByStep).toEqual([
      { day: 1, channel: 'email', n: 2, due: '2026-03-07T16:00:00.000Z' },
      { day: 1, channel: 'sms', n: 3, due: '2026-03-07T16:00:00.000Z' },
      { day: 2, channel: 'email', n: 2, due: '2026-03-08T15:00:00.000Z' },
      { day: 2, channel: 'sms', n: 3, due: '2026-03-08T15:00:00.000Z' },
      { day: 3, channel: 'email', n: 2, due: '2026-03-11T01:30:00.000Z' },
      { day: 3, channel: 'sms', n: 3, due: '2026-03-11T01:30:00.000Z' },
    ]);
    expect(await callFailing(core, 'broadcasts.saveDraft', { id: draft.id, draft: simpleDraft({ name: 'Changed' }) })).toMatchObject({ code: 'conflict' });
  });

  it('reviews recipients, exact segments per client, cost and sending time, and lists what to fix', async () => {
    const draft = await createBroadcast(core, {
      name: 'Offer',
      type: 'sms_email',
      // 150 GSM characters before the name: Ana's text is 2 segments, Zoë's ë forces UCS-2 (3 segments).
      body: `${'x'.repeat(150)} {{firstName|there}}`,
      subject: 'Hello',
      laterSteps: [{ body: '', subject: '' }],
    });
    const review = await call(core, 'broadcasts.review', { id: draft.id });
    expect(review.recipients).toEqual({ total: 3, sms: 3, email: 2, push: 0 });
    // Day 1 at launch; Day 2 one day later at the same time (09:00 the next day).
    expect(review.steps[0]).toMatchObject({ day: 1, schedule: null, messages: { sms: 3, email: 2, push: 0 } });
    expect(review.steps[1]?.schedule).toMatchObject({ local: '2026-03-07T09:00' });
    // Ana: 150+4 chars + opt-out line = 2 segments; <b>Bo</b> the same; Zoë in UCS-2: 3 segments.
    expect(review.steps[0]?.smsSegments).toBe(7);
    expect(review.steps[0]?.cost).toBeCloseTo(0.07);
    // 3 texts at 2 per second take 1.5 s; 2 emails at 60 per minute take 2 s: the slower sets the pace.
    expect(review.steps[0]?.sendingSeconds).toBe(2);
    expect(review.problems).toEqual([
      { path: 'steps.1.sms.body', message: 'Day 2: Write the message' },
      { path: 'steps.1.email.subject', message: 'Day 2: Write a subject line' },
      { path: 'steps.1.email.body', message: 'Day 2: Write the message' },
    ]);
    expect(await callFailing(core, 'broadcasts.launch', { id: draft.id })).toMatchObject({ code: 'invalid_input' });
    expect((await call(core, 'broadcasts.get', { id: draft.id })).status).toBe('draft');
  });

  it('warns, without blocking, that clients with internationalised email addresses need an SMTPUTF8 mail server', async () => {
    const email = await createBroadcast(core, { name: 'Hello', type: 'email', subject: 'Hello', body: 'Hi' });
    expect((await call(core, 'broadcasts.review', { id: email.id })).warnings).toEqual([]);
    for (const [name, address] of [['Renée Johnson', 'renée.johnson3@example.com'], ['Wang Fang', '用户@例子.广告'], ['Ida Ng', 'ida@例子.广告']]) {
      const client = await call(core, 'contacts.create', { name: name!, email: address!, consent: BOTH });
      expect(client.emailNote).toEqual(address!.startsWith('ida') ? undefined : expect.stringContaining('SMTPUTF8'));
    }
    const review = await call(core, 'broadcasts.review', { id: email.id });
    expect(review.problems).toEqual([]);
    expect(review.recipients.email).toBe(5);
    expect(review.warnings).toEqual([
      '2 clients have email addresses with letters outside English (such as renée@…): they get the email only if your mail server supports SMTPUTF8. Ask your email provider if unsure.',
    ]);
    const texts = await createBroadcast(core, { name: 'Texts', body: 'Hi' });
    expect((await call(core, 'broadcasts.review', { id: texts.id })).warnings).toEqual([]);
  });

  it('blocks launch above the budget cap, and allows it once the cap is raised', async () => {
    await call(core, 'settings.update', { budgetCap: 0.02 });
    const draft = await createBroadcast(core, { name: 'Costly', body: 'Hello' });
    const review = await call(core, 'broadcasts.review', { id: draft.id });
    expect(review).toMatchObject({ totalSegments: 3, overBudget: true, budgetCap: 0.02 });
    const refused = await callFailing(core, 'broadcasts.launch', { id: draft.id });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toMatch(/above your budget cap of 0\.02 USD/);
    expect((await call(core, 'broadcasts.get', { id: draft.id })).stats.recipients).toBe(0);
    await call(core, 'settings.update', { budgetCap: 1 });
    expect((await call(core, 'broadcasts.launch', { id: draft.id })).status).toBe('sending');
  });

  it('refuses a step in the past and a step not after the one before', async () => {
    const draft = await createBroadcast(core, {
      name: 'Times',
      sendAt: '2026-03-06T08:59',
      body: 'One',
      laterSteps: [{ body: 'Two', sendAt: '2026-03-06T08:00' }],
    });
    const review = await call(core, 'broadcasts.review', { id: draft.id });
    expect(review.problems).toEqual([
      { path: 'steps.0.sendAt', message: 'Day 1: that time has passed. Pick a later one.' },
      { path: 'steps.1.sendAt', message: 'Day 2: that time has passed. Pick a later one.' },
      { path: 'steps.1.sendAt', message: 'Day 2 must go out after Day 1.' },
    ]);
  });

  it('previews exactly what the chosen client gets on each channel, with their name escaped in HTML', async () => {
    const bo = (await call(core, 'contacts.list', { search: 'Chen' })).contacts[0];
    const step = {
      ...emptyStep(),
      sms: { body: 'Hi {{firstName}}', optOutLine: true },
      email: { subject: 'For {{firstName}}', body: '# Hello {{firstName}}\n\nA **bold** offer. <script>x</script>' },
      push: { title: 'Hi {{firstName}}', body: 'Offer', url: 'https://luxe.example/book' },
    };
    const preview = await call(core, 'broadcasts.preview', { type: 'sms_email', step, audience: EVERYONE, contactId: bo?.id });
    expect(preview.contact).toEqual({ id: bo?.id, name: '<b>Bo</b> Chen' });
    expect(preview.sms).toMatchObject({ text: 'Hi <b>Bo</b>\nReply STOP to opt out', segments: { encoding: 'GSM-7', segments: 1 } });
    expect(preview.email?.subject).toBe('For <b>Bo</b>');
    expect(preview.email?.html).toContain('<h1>Hello &#60;b&#62;Bo&#60;/b&#62;</h1>');
    expect(preview.email?.html).toContain('<strong>bold</strong>');
    expect(preview.email?.html).not.toContain('<script>');
    expect(preview.email?.html).toContain('Luxe &#38; Co<br>1 Main St, Springfield<br>To stop receiving these emails');
    expect(preview.email?.text).toBe(
      'Hello <b>Bo</b>\n\nA bold offer. <script>x</script>\n\n—\nLuxe & Co\n1 Main St, Springfield\nTo stop receiving these emails, reply with “unsubscribe”.',
    );
    expect(preview.push).toBeUndefined();

    const push = await call(core, 'broadcasts.preview', { type: 'push', step, audience: EVERYONE, contactId: ana });
    expect(push.push).toEqual({ title: 'Hi Ana', body: 'Offer', url: 'https://luxe.example/book', payloadBytes: 67 });
    // Nobody picked: the first matching client by name.
    expect((await call(core, 'broadcasts.preview', { type: 'sms', step, audience: EVERYONE })).contact?.name).toBe('<b>Bo</b> Chen');
    expect(await callFailing(core, 'broadcasts.preview', { type: 'sms', step, audience: EVERYONE, contactId: 9999 })).toMatchObject({ code: 'not_found' });
  });

  it('sends a test to the owner’s own phone, not to any client', async () => {
    const draft = await createBroadcast(core, { name: 'Test me', type: 'sms_email', body: 'Hi {{firstName|there}}', subject: 'News' });
    const missing = await callFailing(core, 'broadcasts.testSend', { id: draft.id, day: 1, channel: 'sms' });
    expect(missing).toMatchObject({ code: 'invalid_input', message: 'Add your own mobile number in Settings first: test sends go there.' });
    await call(core, 'settings.update', { ownerPhone: '(415) 555-0100', ownerEmail: 'Owner@Luxe.dev' });
    expect(await call(core, 'broadcasts.testSend', { id: draft.id, day: 1, channel: 'sms', contactId: ana })).toEqual({
      to: '+14155550100',
      message: 'Test text for Day 1 sent to +14155550100.',
    });
    await call(core, 'broadcasts.testSend', { id: draft.id, day: 1, channel: 'email' });
    const reader = db();
    expect(reader.prepare('SELECT "to", subject, body FROM sandbox_messages ORDER BY id').all()).toEqual([
      { to: '+14155550100', subject: null, body: 'Hi Ana\nReply STOP to opt out' },
      { to: 'owner@luxe.dev', subject: '[Test] News', body: expect.stringContaining('Hi there') },
    ]);
    expect(reader.prepare('SELECT COUNT(*) FROM deliveries').pluck().get()).toBe(0);
    reader.close();
    expect((await call(core, 'broadcasts.get', { id: draft.id })).status).toBe('draft');
  });

  it('takes a scheduled broadcast back to a draft to edit it, then launches it again with a fresh snapshot', async () => {
    const draft = await createBroadcast(core, { name: 'Later', body: 'First', sendAt: '2026-03-09T10:00' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    const reopened = await call(core, 'broadcasts.edit', { id: draft.id });
    expect(reopened).toMatchObject({ status: 'draft', launchedAt: null, stats: { recipients: 0, pending: 0 } });
    expect(reopened.steps[0]).toMatchObject({ sendAt: '2026-03-09T10:00', schedule: null });
    await call(core, 'contacts.create', { name: 'Cy New', phone: '(415) 555-2603', consent: BOTH });
    await call(core, 'broadcasts.saveDraft', { id: draft.id, draft: simpleDraft({ name: 'Later', body: 'Changed', sendAt: '2026-03-09T11:00' }) });
    const relaunched = await call(core, 'broadcasts.launch', { id: draft.id });
    expect(relaunched).toMatchObject({ status: 'scheduled', stats: { recipients: 4, pending: 4 } });
    expect(relaunched.steps[0]).toMatchObject({ sms: { body: 'Changed' }, schedule: { local: '2026-03-09T11:00' } });

    // Once its time has come, it can no longer be taken back.
    now = new Date('2026-03-09T16:00:00Z');
    expect(await callFailing(core, 'broadcasts.edit', { id: draft.id })).toMatchObject({ code: 'conflict' });
    const reader = db();
    expect(reader.prepare(`SELECT action FROM audit_log WHERE subject = ? ORDER BY id`).pluck().all(`campaign:${draft.id}`)).toEqual([
      'broadcast.created',
      'broadcast.launched',
      'broadcast.reopened',
      'broadcast.launched',
    ]);
    reader.close();
  });

  it('keeps every channel’s content when the type changes, and deletes drafts only', async () => {
    const saved = await call(core, 'broadcasts.saveDraft', { draft: simpleDraft({ name: 'Both', type: 'sms_email', body: 'Text', subject: 'Mail' }) });
    const asEmail = await call(core, 'broadcasts.saveDraft', { id: saved.id, draft: { ...simpleDraft({ name: 'Both', body: 'Text', subject: 'Mail' }), type: 'email' } });
    expect(asEmail.steps[0]).toMatchObject({ sms: { body: 'Text' }, email: { subject: 'Mail', body: 'Text' } });
    expect(await call(core, 'broadcasts.deleteDraft', { id: saved.id })).toEqual({ id: saved.id });
    expect(await callFailing(core, 'broadcasts.get', { id: saved.id })).toMatchObject({ code: 'not_found' });

    const launched = await createBroadcast(core, { name: 'Sent', body: 'Hi' });
    await call(core, 'broadcasts.launch', { id: launched.id });
    expect(await callFailing(core, 'broadcasts.deleteDraft', { id: launched.id })).toMatchObject({ code: 'conflict' });
  });
});
