import { describe, expect, it } from 'vitest';
import { smsAsSent } from './smsAsSent';

describe('smsAsSent', () => {
  it('fills the tokens with the salon’s name and a sample client', () => {
    expect(smsAsSent('Hi {{firstName|there}}, see you at {{salonName}}! {{custom:Stylist|Your stylist}}', 'Glow')).toEqual({
      text: 'Hi Alexandra, see you at Glow! Your stylist',
      personalised: true,
    });
  });

  it('leaves a plain text as it is', () => {
    expect(smsAsSent('20% off today', 'Glow')).toEqual({ text: '20% off today', personalised: false });
  });
});
