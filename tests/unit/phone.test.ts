import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../electron/core/contacts/phone';

describe('normalizePhone', () => {
  it('reads national numbers in the salon’s country and writes E.164', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toEqual({ ok: true, e164: '+14155552671' });
    expect(normalizePhone('07400 123456', 'GB')).toEqual({ ok: true, e164: '+447400123456' });
    expect(normalizePhone('0412 345 678', 'AU')).toEqual({ ok: true, e164: '+61412345678' });
  });

  it('keeps a number with its own country code whatever the salon’s country', () => {
    expect(normalizePhone('+44 7400 123456', 'US')).toEqual({ ok: true, e164: '+447400123456' });
  });

  it('accepts full-width digits as typed on Japanese keyboards', () => {
    expect(normalizePhone('０９０-１２３４-５６７８', 'JP')).toEqual({ ok: true, e164: '+819012345678' });
  });

  it('explains what is wrong with an invalid number, naming the country', () => {
    const result = normalizePhone('555-12', 'GB');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not a valid phone number for United Kingdom.*start with \+/);
    expect(normalizePhone('8.19E+11', 'US').ok).toBe(false);
    expect(normalizePhone('hello', 'US').ok).toBe(false);
  });
});
