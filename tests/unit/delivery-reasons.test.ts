import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/dto';
import { deliveryReason } from '../../shared/delivery-reasons';

// Issue 14: failure reasons in plain words with the provider code, and which groups offer
// "Resend to these" (retryable) or "Stop texting these numbers" (numberUnusable).

const CORE = resolve(__dirname, '../../electron/core');

function sourcesUnder(folder: string): Array<{ path: string; text: string }> {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((match) => match[1] ?? '');

/** Every error code the app itself writes on a delivery, with the channel it is written on. */
function codesTheAppWrites(): Array<{ channel: Channel | 'any'; code: string; where: string }> {
  const found: Array<{ channel: Channel | 'any'; code: string; where: string }> = [];
  for (const { path, text } of sourcesUnder(join(CORE, 'providers'))) {
    for (const code of matches(text, /code: '([^']+)'/g)) {
      const channel: Channel = path.includes('/smtp/')
        ? 'email'
        : path.includes('/push/')
          ? 'push'
          : path.includes('/sandbox/') && /^\d{3}$/.test(code)
            ? 'email'
            : 'sms';
      found.push({ channel, code, where: path });
    }
  }
  const twilioErrors = readFileSync(join(CORE, 'providers/twilio/twilio-errors.ts'), 'utf8');
  for (const code of matches(twilioErrors, /^\s+(\d{5}):/gm)) found.push({ channel: 'sms', code, where: 'twilio-errors.ts' });
  const push = readFileSync(join(CORE, 'providers/push/push-provider.ts'), 'utf8');
  for (const code of [...matches(push, /^\s+(\d{3}):/gm), '404', '410', '413']) found.push({ channel: 'push', code, where: 'push-provider.ts' });
  for (const { path, text } of sourcesUnder(join(CORE, 'delivery'))) {
    for (const code of matches(text, /withError\('([^']+)'/g)) found.push({ channel: 'any', code, where: path });
  }
  return found;
}

describe('deliveryReason', () => {
  it('names the Twilio codes salons meet most in plain words, with what can be done about each', () => {
    expect(deliveryReason('sms', '30003')).toEqual({ reason: 'Phone switched off or out of range', retryable: true, numberUnusable: false });
    expect(deliveryReason('sms', '30006')).toEqual({ reason: 'Not a mobile number', retryable: false, numberUnusable: true });
    expect(deliveryReason('sms', '21614')).toEqual({ reason: 'Not a mobile number', retryable: false, numberUnusable: true });
    expect(deliveryReason('sms', '30005')).toEqual({ reason: 'Unknown or inactive number', retryable: false, numberUnusable: true });
    expect(deliveryReason('sms', '21211')).toEqual({ reason: 'Not a valid phone number', retryable: false, numberUnusable: true });
    expect(deliveryReason('sms', '21610')).toEqual({ reason: 'Replied STOP earlier', retryable: false, numberUnusable: false });
    for (const code of ['30001', '30008']) expect(deliveryReason('sms', code).retryable).toBe(true);
    for (const code of ['30002', '30004', '30007', '30010', '30034', '21408', '21612']) {
      expect(deliveryReason('sms', code)).toMatchObject({ retryable: false, numberUnusable: false });
      expect(deliveryReason('sms', code).reason).not.toMatch(/^Error /);
    }
  });

  it('reads a code by its channel: 429 from a push service is not a mail server’s reply', () => {
    expect(deliveryReason('push', '429')).toEqual({ reason: 'Push service asked to slow down', retryable: true, numberUnusable: false });
    expect(deliveryReason('email', '429').reason).toBe('Error 429 from the mail server, worth trying again later');
    expect(deliveryReason('email', '552')).toMatchObject({ reason: 'Mailbox full', retryable: true });
    expect(deliveryReason('email', '550')).toMatchObject({ reason: 'Email address does not exist', retryable: false });
    expect(deliveryReason('push', '410').reason).toBe('Browser no longer subscribed');
    expect(deliveryReason('sms', 'step_skipped').reason).toBe('Day skipped by the owner');
    expect(deliveryReason('email', 'not_reachable').reason).toBe('Opted out or lost the address after launch');
  });

  it('gives an unknown code readable words naming who sent it, and never a number as unusable', () => {
    expect(deliveryReason('sms', '12345')).toEqual({ reason: 'Error 12345 from Twilio', retryable: false, numberUnusable: false });
    expect(deliveryReason('email', '599').reason).toBe('Error 599 from the mail server');
    expect(deliveryReason('push', '503')).toMatchObject({ reason: 'Error 503 from the push service, worth trying again later', retryable: true });
    expect(deliveryReason('push', 'ECONNREFUSED')).toMatchObject({ reason: 'Could not reach the push service', retryable: true });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(deliveryReason('sms', name)).toEqual({ reason: `Error ${name} from Twilio`, retryable: false, numberUnusable: false });
    }
  });

  it('answers every code on every channel with words, and only the codes it knows mark a number unusable', () => {
    const unusable = new Set(['21211', '21614', '21635', '30005', '30006']);
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), fc.string({ maxLength: 40 }), (channel, code) => {
        const { reason, numberUnusable } = deliveryReason(channel, code);
        expect(reason.trim().length).toBeGreaterThan(0);
        expect(numberUnusable).toBe(channel === 'sms' && unusable.has(code));
      }),
    );
  });

  it('has words for every code the app itself writes on a message', () => {
    const codes = codesTheAppWrites();
    expect(codes.length).toBeGreaterThan(30);
    const missing = codes.filter(({ channel, code }) =>
      (channel === 'any' ? CHANNELS : [channel]).some((on) => deliveryReason(on, code).reason.startsWith('Error ')),
    );
    expect(missing).toEqual([]);
  });
});
