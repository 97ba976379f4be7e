import { afterEach, describe, expect, it } from 'vitest';
import { EVERYONE } from '../../shared/audience';
import type { Core } from '../../electron/core';
import type { TwilioDouble } from '../doubles/twilio/twilio-double';
import { createBroadcast } from '../support/broadcasts';
import { csvText, fileBytes, importFile } from '../support/csv-fixtures';
import { addClients, finished, startLiveTwilio } from '../support/live-sending';
import { call, callFailing } from '../support/test-core';

// "Stop texting these numbers" and "Resend to these", through the real engine and the Twilio double:
// one client's number is a landline (30006, never usable), another's phone was switched off (30003,
// worth retrying), a third got the text. Names that are prototype keys or outside ASCII travel unharmed.

const LANDLINE = '+14155552671';
const SWITCHED_OFF = '+14155552600';
const MOBILE = '+14155552601';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function salon(): Promise<{ core: Core; twilio: TwilioDouble; ids: { landline: number; switchedOff: number; mobile: number } }> {
  const { core, twilio } = await startLiveTwilio(cleanups);
  twilio.setOutcome(LANDLINE, { status: 'undelivered', errorCode: 30006 });
  twilio.setOutcome(SWITCHED_OFF, { status: 'undelivered', errorCode: 30003 });
  const [landline = 0, switchedOff = 0, mobile = 0] = await addClients(core, [
    { name: '__proto__', phone: LANDLINE },
    { name: '佐藤 美咲 🌸', phone: SWITCHED_OFF },
    { name: 'constructor', phone: MOBILE },
  ]);
  core.start();
  return { core, twilio, ids: { landline, switchedOff, mobile } };
}

async function sendText(core: Core, name: string): Promise<number> {
  const draft = await createBroadcast(core, { name, body: 'Spring colours are in' });
  await call(core, 'broadcasts.launch', { id: draft.id });
  await finished(core, draft.id);
  return draft.id;
}

const textReach = async (core: Core) => (await call(core, 'audience.summary', { filter: EVERYONE })).sms;

describe('stopping texts to numbers that can never get them', () => {
  it('marks only the landline, leaves it out of the next audience count, launch and claim, and markSmsUsable brings it back', async () => {
    const { core, twilio, ids } = await salon();
    const spring = await sendText(core, 'Printemps ✨ {constructor}');
    const failed = (await call(core, 'broadcasts.deliveries', { id: spring, limit: 10, status: 'undelivered' })).deliveries;
    expect(failed.map((d) => [d.address, d.errorCode]).sort()).toEqual([
      [SWITCHED_OFF, '30003'],
      [LANDLINE, '30006'],
    ].sort());

    const refused = await callFailing(core, 'tracking.stopTexting', { id: spring, code: '30003' });
    expect(refused).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Phone switched off or out of range') });
    expect((await call(core, 'contacts.get', { id: ids.switchedOff })).smsUnusable).toBeNull();

    // A broadcast launched before the mark, held while the mark is made: the claim leaves the landline out.
    await call(core, 'sending.setPaused', { paused: true });
    const held = await createBroadcast(core, { name: 'Held', body: 'Later' });
    await call(core, 'broadcasts.launch', { id: held.id });

    expect(await call(core, 'tracking.stopTexting', { id: spring, code: '30006' })).toEqual({ marked: 1 });
    const marked = await call(core, 'contacts.get', { id: ids.landline });
    expect(marked.smsUnusable).toMatchObject({ code: '30006', reason: 'Not a mobile number' });
    expect(marked.name).toBe('__proto__');
    // Asking again changes nothing: the first time is kept.
    expect(await call(core, 'tracking.stopTexting', { id: spring, code: '30006' })).toEqual({ marked: 0 });
    expect((await call(core, 'contacts.get', { id: ids.landline })).smsUnusable).toEqual(marked.smsUnusable);

    expect(await textReach(core)).toEqual({ reachable: 2, optedOut: 0, noConsent: 0, noAddress: 1 });
    const review = await call(core, 'broadcasts.review', { id: (await createBroadcast(core, { name: 'Count', body: 'Hi' })).id });
    expect(review.recipients.sms).toBe(2);

    const before = twilio.messages('outbound-api').filter((m) => m.to === LANDLINE).length;
    await call(core, 'sending.setPaused', { paused: false });
    await finished(core, held.id);
    const heldDeliveries = (await call(core, 'broadcasts.deliveries', { id: held.id, limit: 10 })).deliveries;
    expect(heldDeliveries.find((d) => d.address === LANDLINE)).toMatchObject({ status: 'skipped', errorCode: 'not_reachable' });
    expect(twilio.messages('outbound-api').filter((m) => m.to === LANDLINE)).toHaveLength(before);

    const next = await createBroadcast(core, { name: 'Next', body: 'Hi' });
    expect((await call(core, 'broadcasts.launch', { id: next.id })).stats.recipients).toBe(2);

    expect(await call(core, 'contacts.markSmsUsable', { id: ids.landline })).toEqual({ id: ids.landline });
    expect((await call(core, 'contacts.get', { id: ids.landline })).smsUnusable).toBeNull();
    expect(await textReach(core)).toEqual({ reachable: 3, optedOut: 0, noConsent: 0, noAddress: 0 });
  });

  it('does not mark a client whose phone changed since, and a new phone clears a mark', async () => {
    const { core, ids } = await salon();
    const spring = await sendText(core, 'Spring');
    await call(core, 'contacts.update', { id: ids.landline, phone: '+14155552699' });
    expect(await call(core, 'tracking.stopTexting', { id: spring, code: '30006' })).toEqual({ marked: 0 });

    await call(core, 'contacts.update', { id: ids.landline, phone: LANDLINE });
    expect(await call(core, 'tracking.stopTexting', { id: spring, code: '30006' })).toEqual({ marked: 1 });
    // Another field changed: the mark stays; the number changed: it goes.
    expect((await call(core, 'contacts.update', { id: ids.landline, notes: 'Prefers mornings' })).smsUnusable).toMatchObject({ code: '30006' });
    expect((await call(core, 'contacts.update', { id: ids.landline, phone: '+14155552698' })).smsUnusable).toBeNull();
    expect(await callFailing(core, 'tracking.stopTexting', { id: 999_999, code: '30006' })).toMatchObject({ code: 'not_found' });
  });

  it('keeps the mark when an import brings the same number again, and fills in a number for a client without one', async () => {
    const { core, ids } = await salon();
    const spring = await sendText(core, 'Spring');
    await call(core, 'tracking.stopTexting', { id: spring, code: '30006' });
    await call(core, 'contacts.update', { id: ids.mobile, phone: '', email: 'c@salon.dev' });
    const file = csvText(['Name,Mobile,Email,Notes', `__proto__,${LANDLINE},,From the booking system`, `constructor,${MOBILE},c@salon.dev,`]);
    await importFile(core, 'update.csv', fileBytes(file, 'utf-8'), { mergeRule: 'overwrite' });
    const landline = await call(core, 'contacts.get', { id: ids.landline });
    expect(landline).toMatchObject({ notes: 'From the booking system', smsUnusable: { code: '30006' } });
    expect(await call(core, 'contacts.get', { id: ids.mobile })).toMatchObject({ phone: MOBILE, smsUnusable: null });
  });
});

describe('resending to the clients whose text failed for a reason worth retrying', () => {
  it('drafts the content again for the switched-off client only, tagged, and sends nobody anything', async () => {
    const { core, twilio, ids } = await salon();
    const spring = await sendText(core, 'Printemps ✨');
    const sentBefore = twilio.messages('outbound-api').length;

    const draft = await call(core, 'tracking.resendFailed', { id: spring });
    expect(draft).toMatchObject({ status: 'draft', name: 'Printemps ✨ (resend)', type: 'sms', launchedAt: null, stats: { recipients: 0 } });
    expect(draft.steps[0]).toMatchObject({ sms: { body: 'Spring colours are in' }, sendAt: null });
    const tag = draft.audience.filter.conditions[0];
    expect(tag).toMatchObject({ kind: 'tags', op: 'any', value: [expect.stringMatching(/^Resend: Printemps ✨ \(\d{4}-\d{2}-\d{2}\)$/)] });
    const summary = await call(core, 'audience.summary', { filter: draft.audience.filter });
    expect(summary).toMatchObject({ matched: 1, sms: { reachable: 1 } });
    expect(summary.sample.map((c) => c.id)).toEqual([ids.switchedOff]);
    expect(twilio.messages('outbound-api')).toHaveLength(sentBefore);

    // A second resend the same day gets its own tag, so it does not reach the first one's clients.
    const again = await call(core, 'tracking.resendFailed', { id: spring, code: '30003' });
    expect(again.audience.filter.conditions[0]).toMatchObject({ value: [expect.stringMatching(/, 2\)$/)] });

    expect(await callFailing(core, 'tracking.resendFailed', { id: spring, code: '30006' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Not a mobile number'),
    });
    expect(await callFailing(core, 'tracking.resendFailed', { id: spring, code: '30008' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Nothing to resend: no message/),
    });

    await call(core, 'contacts.setConsent', { id: ids.switchedOff, channel: 'sms', status: 'opted_out', reason: 'Asked at the desk' });
    expect(await callFailing(core, 'tracking.resendFailed', { id: spring })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^Nothing to resend: the clients whose message failed have since opted out/),
    });
    expect(twilio.messages('outbound-api')).toHaveLength(sentBefore);
  });
});
