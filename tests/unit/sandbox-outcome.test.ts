import { describe, expect, it } from 'vitest';
import { sandboxOutcome } from '../../electron/core/providers/sandbox/sandbox-outcome';

describe('sandbox outcome', () => {
  it('answers Twilio’s magic test numbers with Twilio’s error codes', () => {
    expect(sandboxOutcome('sms', '+15005550001')).toMatchObject({ kind: 'rejected', code: '21211' });
    expect(sandboxOutcome('sms', '+15005550004')).toMatchObject({ kind: 'rejected', code: '21610' });
    expect(sandboxOutcome('sms', '+15005550009')).toMatchObject({ kind: 'rejected', code: '21614' });
  });

  it('fails numbers that cannot receive texts: landlines, toll-free, invalid', () => {
    expect(sandboxOutcome('sms', '+18005550199')).toMatchObject({ kind: 'rejected', code: '21614' });
    expect(sandboxOutcome('sms', '+442079460000')).toMatchObject({ kind: 'rejected', code: '21614' });
    expect(sandboxOutcome('sms', '+15555555555')).toMatchObject({ kind: 'rejected', code: '21211' });
  });

  it('bounces mail to reserved domains that no server accepts', () => {
    for (const address of ['a@example.com', 'b@mail.example.org', 'c@shop.test', 'd@x.invalid']) {
      expect(sandboxOutcome('email', address), address).toMatchObject({ kind: 'rejected', code: '550' });
    }
    expect(sandboxOutcome('email', 'ana@salon.dev').kind).toBe('delivered');
  });

  it('gives the same recipient the same outcome every time', () => {
    expect(sandboxOutcome('sms', '+14155552614')).toMatchObject({ kind: 'undelivered', code: '30003' });
    expect(sandboxOutcome('sms', '+14155552614')).toEqual(sandboxOutcome('sms', '+14155552614'));
    expect(sandboxOutcome('sms', '+14155552671').kind).toBe('delivered');
  });

  it('leaves about one mobile in twenty undelivered, spread over the delay window', () => {
    const outcomes = Array.from({ length: 10_000 }, (_, i) => sandboxOutcome('sms', `+1415555${String(i).padStart(4, '0')}`));
    const undelivered = outcomes.filter((o) => o.kind === 'undelivered').length;
    expect(undelivered).toBeGreaterThan(300);
    expect(undelivered).toBeLessThan(700);
    const shares = outcomes.flatMap((o) => (o.kind === 'rejected' ? [] : [o.delayShare]));
    expect(Math.min(...shares)).toBeLessThan(0.05);
    expect(Math.max(...shares)).toBeGreaterThan(0.95);
  });
});
