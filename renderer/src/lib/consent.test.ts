import { describe, expect, it } from 'vitest';
import { leftOutSentence, reachOf, reachSentence } from './consent';

describe('who marketing reaches', () => {
  const client = { phone: '+14155552671', email: null, consent: { sms: 'granted', email: 'granted', push: 'opted_out' } } as const;

  it('needs an address and consent, and an opt-out always wins', () => {
    expect(reachOf(client, 'sms')).toBe('reachable');
    expect(reachOf(client, 'email')).toBe('no_address');
    expect(reachOf(client, 'push')).toBe('opted_out');
    expect(reachOf({ ...client, consent: { ...client.consent, sms: 'unknown' } }, 'sms')).toBe('no_consent');
  });

  it('says why in words', () => {
    expect(reachSentence('no_address', 'sms')).toBe('Will not get texts: no mobile number.');
    expect(reachSentence('no_consent', 'email')).toBe('Will not get emails: no consent given yet.');
    expect(reachSentence('opted_out', 'sms')).toBe('Opted out: will not get texts.');
  });

  it('sums up who a channel leaves out', () => {
    expect(leftOutSentence({ reachable: 10, optedOut: 2, noConsent: 1_500, noAddress: 3 }, 'sms')).toBe(
      '1,505 left out: 1,500 without consent, 2 opted out, 3 without a mobile number.',
    );
    expect(leftOutSentence({ reachable: 10, optedOut: 0, noConsent: 0, noAddress: 0 }, 'email')).toBeNull();
  });
});
