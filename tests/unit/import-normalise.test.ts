import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../shared/imports';
import { looksLikeHeader, suggestByContent } from '../../electron/core/imports/header-row';
import { normaliseRow, type RowContext } from '../../electron/core/imports/normalise-row';
import { readDateCell, readEmail, readPhone, readTags, readVisitCount } from '../../electron/core/imports/read-cells';
import { dateOrderFor, readBirthday, readDate } from '../../electron/core/imports/read-date';
import { readMoneyCents } from '../../electron/core/imports/read-money';
import { neutraliseFormula, rejectedFileName } from '../../electron/core/imports/rejected-csv';
import { suggestMapping } from '../../electron/core/imports/suggest-mapping';

const US: RowContext = { country: 'US', dates: { order: 'MDY', thisYear: 2025 }, consentValues: new Map(), nameOrder: 'auto' };
const GB: RowContext = { country: 'GB', dates: { order: 'DMY', thisYear: 2025 }, consentValues: new Map(), nameOrder: 'auto' };

describe('readPhone', () => {
  it('reads national and international numbers into E.164 in the salon’s country', () => {
    expect(readPhone('(415) 555-2671', 'US')).toEqual({ ok: true, value: '+14155552671' });
    expect(readPhone('07400 123456', 'GB')).toEqual({ ok: true, value: '+447400123456' });
    expect(readPhone('+44 7400 123456', 'US')).toEqual({ ok: true, value: '+447400123456' });
  });

  it('reads full-width digits and drops the apostrophe a spreadsheet kept', () => {
    expect(readPhone('（４１５）５５５－２６７１', 'US')).toEqual({ ok: true, value: '+14155552671' });
    expect(readPhone("'4155552671", 'US')).toEqual({ ok: true, value: '+14155552671' });
    expect(readPhone("'+44 7400 123456", 'US')).toEqual({ ok: true, value: '+447400123456' });
  });

  it('refuses a number Excel turned into scientific notation instead of guessing its digits', () => {
    for (const damaged of ['8.19E+11', '8,19E+11', '4.15555E+10', '1E+10']) {
      expect(readPhone(damaged, 'US')).toEqual({
        ok: false,
        reason: `Mobile number not usable: ${damaged} was damaged by Excel; re-export the column as text.`,
      });
    }
  });

  it('explains an invalid number', () => {
    expect(readPhone('555-0000', 'US')).toEqual({
      ok: false,
      reason:
        'Mobile number not usable: “555-0000” is not a valid phone number for United States. For a number from another country, start with + and its country code.',
    });
  });
});

describe('readEmail', () => {
  it('trims, lower-cases and checks the address', () => {
    expect(readEmail('  Ana.Lopez@Salon.DEV ')).toEqual({ ok: true, value: 'ana.lopez@salon.dev' });
    expect(readEmail('ana@salon')).toEqual({ ok: false, reason: 'Email not usable: “ana@salon” is not a valid email address.' });
    expect(readEmail('ana lopez@salon.dev').ok).toBe(false);
  });

  it('accepts internationalised addresses (RFC 6531) as they are written', () => {
    for (const email of ['renée.johnson3@example.com', 'renée@exemple.fr', '用户@例子.广告', 'δοκιμή@παράδειγμα.δοκιμή']) {
      expect(readEmail(email), email).toEqual({ ok: true, value: email });
    }
    for (const email of ['renée@exemple', 'ren ée@exemple.fr', '用户@@例子.广告', '.renée@exemple.fr']) expect(readEmail(email).ok, email).toBe(false);
  });
});

describe('dates', () => {
  it('reads the country’s order from its code', () => {
    expect(dateOrderFor('US')).toBe('MDY');
    expect(dateOrderFor('PR')).toBe('MDY');
    expect(dateOrderFor('GB')).toBe('DMY');
    expect(dateOrderFor('JP')).toBe('DMY');
  });

  it('reads ISO, numeric dates in the country’s order, and English month names', () => {
    const cases: Array<[string, string, string]> = [
      ['2024-03-05', '2024-03-05', '2024-03-05'],
      ['2024/3/5', '2024-03-05', '2024-03-05'],
      ['2024-03-05T14:30:00Z', '2024-03-05', '2024-03-05'],
      ['3/5/2024', '2024-03-05', '2024-05-03'],
      ['03.05.2024', '2024-03-05', '2024-05-03'],
      ['3/5/24 2:30 PM', '2024-03-05', '2024-05-03'],
      ['3/5/99', '1999-03-05', '1999-05-03'],
      ['5 March 2024', '2024-03-05', '2024-03-05'],
      ['5-Mar-24', '2024-03-05', '2024-03-05'],
      ['March 5, 2024', '2024-03-05', '2024-03-05'],
      ['Sept 5th 2024', '2024-09-05', '2024-09-05'],
    ];
    for (const [text, us, gb] of cases) {
      expect(readDate(text, US.dates), text).toEqual({ ok: true, value: us });
      expect(readDate(text, GB.dates), text).toEqual({ ok: true, value: gb });
    }
  });

  it('rejects impossible and unreadable dates, telling which', () => {
    expect(readDate('2/30/2024', US.dates)).toEqual({ ok: false, problem: 'impossible' });
    expect(readDate('30/2/2024', GB.dates)).toEqual({ ok: false, problem: 'impossible' });
    expect(readDate('13/13/2024', GB.dates)).toEqual({ ok: false, problem: 'impossible' });
    expect(readDate('2/29/2023', US.dates)).toEqual({ ok: false, problem: 'impossible' });
    expect(readDate('0024-01-01', US.dates)).toEqual({ ok: false, problem: 'impossible' });
    expect(readDate('soon', US.dates)).toEqual({ ok: false, problem: 'unreadable' });
    expect(readDate('45123', US.dates)).toEqual({ ok: false, problem: 'unreadable' });
    // A full date is needed outside birthdays.
    expect(readDate('4/23', US.dates)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('reads a birthday with or without its year', () => {
    expect(readBirthday('4/23/1990', US.dates)).toEqual({ ok: true, value: '1990-04-23' });
    expect(readBirthday('4/23', US.dates)).toEqual({ ok: true, value: '--04-23' });
    expect(readBirthday('23/4', GB.dates)).toEqual({ ok: true, value: '--04-23' });
    expect(readBirthday('--04-23', GB.dates)).toEqual({ ok: true, value: '--04-23' });
    expect(readBirthday('April 23', GB.dates)).toEqual({ ok: true, value: '--04-23' });
    expect(readBirthday('23 Apr', US.dates)).toEqual({ ok: true, value: '--04-23' });
    expect(readBirthday('2/29', US.dates)).toEqual({ ok: true, value: '--02-29' });
    expect(readBirthday('2/30', US.dates)).toEqual({ ok: false, problem: 'impossible' });
  });

  it('words a date problem for the owner', () => {
    expect(readDateCell('birthday', '2/30/1990', US.dates)).toEqual({ ok: false, reason: 'Birthday “2/30/1990” is not a real date.' });
    expect(readDateCell('lastVisitAt', 'last week', US.dates)).toEqual({
      ok: false,
      reason: 'Last visit “last week” is not a date we can read; write it like 2024-04-23.',
    });
  });
});

describe('readMoneyCents', () => {
  it('reads amounts as spreadsheets and tills write them', () => {
    const cases: Array<[string, number]> = [
      ['12', 1200],
      ['12.5', 1250],
      ['$1,234.50', 123_450],
      ['1.234,50 €', 123_450],
      ['1 234,50', 123_450],
      ['1\u00a0234,5', 123_450],
      ['£1,234', 123_400],
      ['1.234', 123_400],
      ['1,234,567.89', 123_456_789],
      ['0,99', 99],
      ['USD 12.00', 1200],
      ['12 kr.', 1200],
      ["CHF 1'234.50", 123_450],
    ];
    for (const [text, cents] of cases) expect(readMoneyCents(text), text).toBe(cents);
  });

  it('refuses what is not a plain non-negative amount', () => {
    for (const text of ['-12', '(12.50)', 'free', '1.2E+3', '12.34.56', '1,23,4', '$', '20 - 30']) {
      expect(readMoneyCents(text), text).toBeUndefined();
    }
  });
});

describe('other cells', () => {
  it('reads a visit count as a whole number', () => {
    expect(readVisitCount('12')).toEqual({ ok: true, value: 12 });
    expect(readVisitCount('12.0')).toEqual({ ok: true, value: 12 });
    expect(readVisitCount('0')).toEqual({ ok: true, value: 0 });
    for (const text of ['-1', '1.5', 'many', '100001']) {
      expect(readVisitCount(text)).toEqual({ ok: false, reason: `Visits “${text}” should be a whole number, like 12.` });
    }
  });

  it('splits tags on , ; and |', () => {
    expect(readTags('VIP; Color , Balayage|| Bridal')).toEqual({ ok: true, value: ['VIP', 'Color', 'Balayage', 'Bridal'] });
    expect(readTags(`ok,${'x'.repeat(61)}`)).toEqual({ ok: false, reason: `Tag “${'x'.repeat(61)}” is longer than 60 characters.` });
  });
});

describe('normaliseRow', () => {
  const mapping: ImportTarget[] = ['name', 'firstName', 'lastName', 'phone', 'email', 'notes', 'tags', 'custom:Colour', 'ignore'];

  it('splits a full name at its first space when no first or last name is given', () => {
    const row = normaliseRow(['Mary Jane Smith', '', '', '4155552671', '', '', '', '', 'x'], mapping, US);
    expect(row).toEqual({
      rejection: null,
      warnings: [],
      contact: {
        fields: { name: 'Mary Jane Smith', firstName: 'Mary', lastName: 'Jane Smith', phone: '+14155552671' },
        customFields: {},
        tags: [],
      },
    });
  });

  it('keeps given first and last names beside a full name, and joins them when there is none', () => {
    expect(normaliseRow(['Ana L.', 'Ana', 'Lopez', '4155552671'], mapping, US).contact?.fields).toMatchObject({
      name: 'Ana L.',
      firstName: 'Ana',
      lastName: 'Lopez',
    });
    expect(normaliseRow(['', ' Ana ', 'Lopez', '4155552671'], mapping, US).contact?.fields).toMatchObject({
      name: 'Ana Lopez',
      firstName: 'Ana',
      lastName: 'Lopez',
    });
    expect(normaliseRow(['Cher', '', '', '4155552671'], mapping, US).contact?.fields).toEqual({
      name: 'Cher',
      firstName: 'Cher',
      phone: '+14155552671',
    });
  });

  it('keeps a row without a name (the merge names it), and one with a name alone, with a warning; rejects a row with neither', () => {
    expect(normaliseRow(['', '', '', '', 'ana@salon.dev'], mapping, US).contact?.fields).toEqual({ email: 'ana@salon.dev' });
    expect(normaliseRow(['Ana', '', '', '', '', 'note'], mapping, US)).toMatchObject({
      contact: { fields: { name: 'Ana', firstName: 'Ana', notes: 'note' } },
      warnings: ['No usable mobile number or email: the client was added, but cannot get messages until you add one.'],
    });
    expect(normaliseRow(['', '', '', '', '', 'note'], mapping, US)).toEqual({
      contact: null,
      rejection: 'No name, mobile number or email: there is nobody to add.',
      warnings: [],
    });
  });

  it('keeps formulas, notes and custom fields as plain text', () => {
    const row = normaliseRow(['=HYPERLINK("x")', '', '', '4155552671', '', 'line 1\nline 2', 'VIP;New', 'Teal'], mapping, US);
    expect(row.contact).toEqual({
      fields: { name: '=HYPERLINK("x")', firstName: '=HYPERLINK("x")', phone: '+14155552671', notes: 'line 1\nline 2' },
      customFields: { Colour: 'Teal' },
      tags: ['VIP', 'New'],
    });
  });

  it('keeps a client with every value it could read, naming each one left out', () => {
    expect(normaliseRow(['Ana', '', '', '8.19E+11', 'nope', 'x'.repeat(5001)], mapping, US)).toEqual({
      contact: { fields: { name: 'Ana', firstName: 'Ana' }, customFields: {}, tags: [] },
      rejection: null,
      warnings: [
        'Mobile number not usable: 8.19E+11 was damaged by Excel; re-export the column as text.',
        'Email not usable: “nope” is not a valid email address.',
        'Notes is longer than 5000 characters.',
        'No usable mobile number or email: the client was added, but cannot get messages until you add one.',
      ],
    });
  });

  it('names every problem of a row it rejects: no name and no usable address', () => {
    expect(normaliseRow(['', '', '', '555-0000', 'nope'], mapping, US)).toEqual({
      contact: null,
      rejection:
        'Mobile number not usable: “555-0000” is not a valid phone number for United States. For a number from another country, start with + and its country code. Email not usable: “nope” is not a valid email address. No name, mobile number or email: there is nobody to add.',
      warnings: [],
    });
  });

  it('keeps a Square client whose email has an accent, and one whose email cannot be used, by their mobile', () => {
    const square: ImportTarget[] = ['firstName', 'lastName', 'email', 'phone'];
    expect(normaliseRow(['Renée', 'Johnson', 'renée.johnson3@example.com', '(415) 555-2671'], square, US)).toEqual({
      contact: {
        fields: { name: 'Renée Johnson', firstName: 'Renée', lastName: 'Johnson', email: 'renée.johnson3@example.com', phone: '+14155552671' },
        customFields: {},
        tags: [],
      },
      rejection: null,
      warnings: [],
    });
    expect(normaliseRow(['Renée', 'Johnson', 'renée johnson3@example', '(415) 555-2671'], square, US)).toMatchObject({
      contact: { fields: { phone: '+14155552671' } },
      warnings: ['Email not usable: “renée johnson3@example” is not a valid email address.'],
    });
  });

  it('reads a French overseas mobile in a French file, saying which region it is from', () => {
    const FR: RowContext = { ...US, country: 'FR', dates: { order: 'DMY', thisYear: 2025 } };
    expect(normaliseRow(['Léa Martin', '', '', '06 90 12 34 56'], mapping, FR)).toMatchObject({
      contact: { fields: { phone: '+590690123456' } },
      warnings: ['Mobile number 06 90 12 34 56 is not a number of France: kept as +590690123456, a number of Guadeloupe.'],
    });
  });
});

describe('suggestMapping', () => {
  it('knows common header names whatever their case and punctuation', () => {
    const headers = [
      'First Name', 'LAST_NAME', 'Mobile #', 'E-mail', 'D.O.B.', 'First visit', 'Last Appointment', 'No. of Visits',
      'Lifetime Value', 'Groups', 'Comments', 'Lead Source', 'Market', 'Product', 'Lead Status', 'State', 'Postal Code',
      'Conversation Status', 'Appointment Status', 'Full Name',
    ];
    expect(suggestMapping(headers, headers.length)).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'clientSince', 'lastVisitAt', 'visitCount', 'totalSpent',
      'tags', 'notes', 'leadSource', 'market', 'product', 'leadStatus', 'state', 'zip', 'conversationStatus',
      'appointmentStatus', 'name',
    ]);
  });

  it('keeps any other header as a custom field, once per field, and ignores only columns without a header', () => {
    // "Cell" names a mobile more surely than "Phone" does, so it takes the number.
    expect(suggestMapping(['Phone', 'Cell', 'Favourite colour?', 'Stylist', 'Stylist', '', '  ', '€€'], 10)).toEqual([
      'custom:Phone',
      'phone',
      'custom:Favourite colour',
      'custom:Stylist',
      'custom:Stylist 2',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
      'ignore',
    ]);
  });

  it('renames a header named like what every object inherits after its column', () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'Constructor'];
    expect(suggestMapping(['Mobile', ...names, 'constructor'], names.length + 2)).toEqual([
      'phone',
      'custom:constructor (column 2)',
      'custom:__proto__ (column 3)',
      'custom:toString (column 4)',
      'custom:hasOwnProperty (column 5)',
      'custom:valueOf (column 6)',
      'custom:prototype (column 7)',
      'custom:Constructor',
      'custom:constructor (column 9)',
    ]);
  });

  it('tells a header row from a first row of data, and suggests by content without one', () => {
    expect(looksLikeHeader(['Name', 'Mobile', 'Email'])).toBe(true);
    expect(looksLikeHeader(['Ana', '(415) 555-2671', ''])).toBe(false);
    expect(looksLikeHeader(['Ana', '', 'ana@salon.dev'])).toBe(false);
    expect(suggestByContent(['Ana', '+1 415 555 2671', 'ana@salon.dev', 'ana@other.dev'], 5)).toEqual([
      'ignore',
      'phone',
      'email',
      'ignore',
      'ignore',
    ]);
  });
});

describe('rejected rows file', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('+14155552671')).toBe("'+14155552671");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('Ana = nice')).toBe('Ana = nice');
  });

  it('is named after the imported file', () => {
    expect(rejectedFileName('clients.csv')).toBe('clients-rejected.csv');
    expect(rejectedFileName('Fresha export.2024.CSV')).toBe('Fresha export.2024-rejected.csv');
    expect(rejectedFileName('clients')).toBe('clients-rejected.csv');
  });
});
