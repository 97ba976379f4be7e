import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { numberingPlanPartners } from '../../electron/core/contacts/phone-plan';
import { normalizePhone } from '../../electron/core/contacts/phone';

/** A mobile number of `region` as its own people write it, with random digits after the example's first three. */
const mobileOf = (region: CountryCode) =>
  fc.stringMatching(/^\d{6}$/).map((tail) => {
    const example = examples[region] ?? '';
    return parsePhoneNumberFromString(example.slice(0, 3) + tail + example.slice(9), region);
  });

describe('numbers of the regions sharing a country’s numbering plan', () => {
  it('knows France’s overseas regions, the NANP countries and the Crown Dependencies', () => {
    expect(numberingPlanPartners('FR')).toEqual(expect.arrayContaining(['GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']));
    expect(numberingPlanPartners('GP')).toContain('FR');
    expect(numberingPlanPartners('US')).toEqual(expect.arrayContaining(['CA', 'BS', 'JM', 'PR']));
    expect(numberingPlanPartners('GB')).toEqual(expect.arrayContaining(['GG', 'JE', 'IM']));
  });

  it('reads the French DOM mobiles 06 90–06 94 and 06 96 in a French file as the region’s E.164', () => {
    expect(normalizePhone('06 90 12 34 56', 'FR')).toEqual({ ok: true, e164: '+590690123456', region: 'GP' });
    expect(normalizePhone('0696 20 12 34', 'FR')).toEqual({ ok: true, e164: '+596696201234', region: 'MQ' });
    expect(normalizePhone('0694 20 12 34', 'FR')).toEqual({ ok: true, e164: '+594694201234', region: 'GF' });
    expect(normalizePhone('0692 12 34 56', 'FR')).toMatchObject({ ok: true, e164: '+262692123456' });
    expect(normalizePhone('06 12 34 56 78', 'FR')).toEqual({ ok: true, e164: '+33612345678' });
  });

  it('does not complete a short local number with another region’s area code', () => {
    expect(normalizePhone('555-0000', 'US').ok).toBe(false);
  });

  for (const [home, regions] of [
    ['FR', ['GP', 'MQ', 'GF', 'RE', 'YT']],
    ['US', ['CA', 'BS', 'JM', 'PR', 'TT']],
    ['GB', ['JE', 'GG', 'IM']],
  ] as const) {
    it(`any valid mobile of ${regions.join(', ')} written nationally in a ${home} file is stored as its own E.164`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...regions).chain(mobileOf), (phone) => {
          fc.pre(phone?.isValid() === true);
          expect(normalizePhone(phone!.formatNational(), home)).toMatchObject({ ok: true, e164: phone!.number });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('whatever digits are typed, a number it keeps is valid and made only of the digits typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0\d{5,11}$/), fc.constantFrom('FR', 'US', 'GB'), (typed, country) => {
        const result = normalizePhone(typed, country);
        if (!result.ok) return;
        const stored = parsePhoneNumberFromString(result.e164);
        expect(stored?.isValid()).toBe(true);
        expect(typed.endsWith(stored!.nationalNumber) || parsePhoneNumberFromString(typed, country)?.number === result.e164).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
