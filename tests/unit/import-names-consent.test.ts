import { describe, expect, it } from 'vitest';
import { suggestConsentMeaning } from '../../shared/consent-values';
import type { ImportTarget } from '../../shared/imports';
import { joinName, resolveNameOrder, splitFullName } from '../../shared/name-order';
import { normaliseRow, type RowContext } from '../../electron/core/imports/normalise-row';
import { suggestMapping } from '../../electron/core/imports/suggest-mapping';
import { composeSms, tokenValues } from '../../electron/core/delivery/compose-message';

const JP: RowContext = { country: 'JP', dates: { order: 'DMY', thisYear: 2025 }, consentValues: new Map(), nameOrder: 'auto' };

describe('names in family-name-first cultures', () => {
  it('splits a Japanese, Chinese or Korean full name family name first, and a Hungarian one in Hungary', () => {
    expect(splitFullName('佐藤 美咲', resolveNameOrder('佐藤 美咲', 'auto', 'FR'))).toEqual({ firstName: '美咲', lastName: '佐藤' });
    expect(splitFullName('佐藤　美咲', resolveNameOrder('佐藤　美咲', 'auto', 'US'))).toEqual({ firstName: '美咲', lastName: '佐藤' });
    expect(splitFullName('김 민준', resolveNameOrder('김 민준', 'auto', 'US'))).toEqual({ firstName: '민준', lastName: '김' });
    expect(splitFullName('Nagy Anna', resolveNameOrder('Nagy Anna', 'auto', 'HU'))).toEqual({ firstName: 'Anna', lastName: 'Nagy' });
    expect(splitFullName('Anna Nagy', resolveNameOrder('Anna Nagy', 'auto', 'GB'))).toEqual({ firstName: 'Anna', lastName: 'Nagy' });
  });

  it('leaves a family-first name without a space whole rather than guess where it splits', () => {
    expect(splitFullName('佐藤美咲', 'family_first')).toEqual({ firstName: null, lastName: null });
  });

  it('follows the owner’s order for the file when they swap it', () => {
    expect(splitFullName('Misaki Sato', resolveNameOrder('Misaki Sato', 'family_first', 'JP'))).toEqual({ firstName: 'Sato', lastName: 'Misaki' });
    expect(splitFullName('佐藤 美咲', resolveNameOrder('佐藤 美咲', 'given_first', 'JP'))).toEqual({ firstName: '佐藤', lastName: '美咲' });
  });

  it('greets 佐藤 美咲 by her given name and keeps her full name as written, from one column or 姓 and 名', () => {
    const full = normaliseRow(['佐藤 美咲', '090-1234-5678'], ['name', 'phone'], JP);
    expect(full.contact?.fields).toMatchObject({ name: '佐藤 美咲', firstName: '美咲', lastName: '佐藤', phone: '+819012345678' });
    const split = normaliseRow(['佐藤', '美咲', '090-1234-5678'], ['lastName', 'firstName', 'phone'], JP);
    expect(split.contact?.fields).toMatchObject({ name: '佐藤 美咲', firstName: '美咲', lastName: '佐藤' });
    expect(joinName('Ana', 'Lopez', 'given_first')).toBe('Ana Lopez');
    const { name = '', firstName = null, lastName = null } = split.contact?.fields ?? {};
    const values = tokenValues({ name, firstName, lastName, customFields: '{}' }, { name: 'Salon Sakura', postalAddress: '' });
    expect(composeSms({ body: '{{fullName}}様、{{firstName}}さん', optOutLine: false }, values)).toBe('佐藤 美咲様、美咲さん');
  });
});

describe('a consent column', () => {
  it('is suggested by the names booking systems give it: Square’s “Email Subscription Status”, Fresha’s “Accepts SMS Marketing”', () => {
    expect(suggestMapping(['Email Address', 'Phone Number', 'Email Subscription Status', 'Accepts SMS Marketing'], 4)).toEqual([
      'email', 'phone', 'emailConsent', 'smsConsent',
    ]);
  });

  it('reads the usual words in English, French, German, Spanish, Italian, Portuguese, Dutch and Japanese', () => {
    for (const word of ['subscribed', 'Yes', 'opt-in', 'TRUE', '1', 'y', 'oui', 'ja', 'sí', 'sim', '同意', '配信する']) {
      expect(suggestConsentMeaning(word), word).toBe('granted');
    }
    for (const word of ['unsubscribed', 'No', 'opted out', 'false', '0', 'n', 'non', 'nein', 'não', 'nee', '拒否', '配信しない']) {
      expect(suggestConsentMeaning(word), word).toBe('opted_out');
    }
    expect(suggestConsentMeaning('maybe')).toBe('unknown');
  });

  it('takes the owner’s reading of a value over the usual words, and warns on a value nobody could read', () => {
    const mapping: ImportTarget[] = ['email', 'emailConsent'];
    const context: RowContext = { ...JP, consentValues: new Map([['pending', 'opted_out']]) };
    expect(normaliseRow(['ana@salon.dev', 'Unsubscribed'], mapping, context).contact?.consent).toEqual({
      email: { status: 'opted_out', written: 'Unsubscribed' },
    });
    expect(normaliseRow(['ana@salon.dev', 'pending'], mapping, context).contact?.consent).toEqual({ email: { status: 'opted_out', written: 'pending' } });
    expect(normaliseRow(['ana@salon.dev', 'maybe'], mapping, context)).toMatchObject({
      contact: { fields: { email: 'ana@salon.dev' } },
      warnings: ['Email consent “maybe” is not a value we know: the choice for the whole file was used.'],
    });
  });
});
