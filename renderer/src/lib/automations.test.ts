import { emptyCounts } from '../../../shared/tracking';
import { describe, expect, it } from 'vitest';
import {
  audienceIssues,
  channelsWords,
  editOf,
  monthFigures,
  monthLabel,
  namesList,
  occasionWords,
  reachSentence,
  sameEdit,
  statsLine,
  whenWords,
} from './automations';
import { testAutomation } from './testAutomation';

const birthday = testAutomation(1, { sms: { body: '', optOutLine: true }, problems: ['Write the text'] });

describe('automations in words', () => {
  it('edits only what the owner may change, and tells an unchanged form', () => {
    const edit = editOf(birthday);
    expect(Object.keys(edit).sort()).toEqual(
      ['audience', 'days', 'email', 'exemptFromCap', 'name', 'sendTime', 'skipIfBooked', 'skipIfVisitedWithinDays', 'sms', 'type'],
    );
    expect(sameEdit(edit, editOf({ ...birthday, enabled: true, problems: [] }))).toBe(true);
    expect(sameEdit(edit, { ...edit, sms: { ...edit.sms, body: 'Happy birthday!' } })).toBe(false);
  });

  it('hands the audience builder the problems of its conditions, as it reads them', () => {
    const issues = [
      { path: 'automation.audience.conditions.0.value', message: 'Pick a date' },
      { path: 'automation.sms.body', message: 'Too long' },
      { path: 'automation.audienceX', message: 'not the audience' },
    ];
    expect(audienceIssues(issues)).toEqual([{ path: 'filter.conditions.0.value', message: 'Pick a date' }]);
  });

  it('says what a decision was for without jargon', () => {
    expect(occasionWords('2027', 'en-GB')).toBe('birthday 2027');
    expect(occasionWords('2026-11-03', 'en-GB')).toBe('visit on 3 Nov');
    expect(occasionWords('2026-11-03', 'en-US')).toBe('visit on Nov 3');
    expect(occasionWords('2025-11-03', 'en-GB', '2026')).toBe('visit on 3 Nov 2025');
    expect(occasionWords('welcome', 'en-GB')).toBe('welcome');
    expect(occasionWords('1990-12-12', 'en-GB', '2026', 'birthday')).toBe('birthday on 12 Dec 1990');
    expect(occasionWords('--12-12', 'en-GB', '2026', 'birthday')).toBe('birthday on 12 Dec');
    expect(occasionWords('2026-11-03', 'en-GB', '2026', 'welcome')).toBe('added on 3 Nov');
    expect(occasionWords('2026-11-03', 'en-GB', '2026', 'win_back')).toBe('visit on 3 Nov');
  });

  it('says when from today', () => {
    expect(whenWords('2026-12-31', '2026-12-31', 'en-GB')).toBe('today');
    expect(whenWords('2027-01-01', '2026-12-31', 'en-GB')).toBe('tomorrow');
    expect(whenWords('2027-01-05', '2026-12-31', 'en-GB')).toBe('on 5 Jan 2027');
    expect(whenWords('2026-12-05', '2026-12-01', 'en-US')).toBe('on Dec 5');
  });

  it('lists a few names and how many more', () => {
    expect(namesList([], 0)).toBe('');
    expect(namesList(['Ana'], 1)).toBe('Ana');
    expect(namesList(['Ana', 'Ben'], 2)).toBe('Ana and Ben');
    expect(namesList(['Ana', 'Ben', 'Chloé'], 3)).toBe('Ana, Ben and Chloé');
    expect(namesList(['Ana', 'Ben', 'Chloé', 'Dan', 'Eve', 'Fay'], 14)).toBe('Ana, Ben, Chloé, Dan, Eve and 9 more');
  });

  it('says who it would reach this week', () => {
    const sample = [
      { contactId: 1, name: 'Ana', date: '2026-12-04', occasion: '2026' },
      { contactId: 2, name: 'Ben', date: '2026-12-05', occasion: '2026' },
    ];
    expect(reachSentence({ total: 14, sample }, 'en-US')).toBe('This week it would reach 14 clients: Ana, Ben and 12 more.');
    expect(reachSentence({ total: 1, sample: sample.slice(0, 1) }, 'en-US')).toBe('This week it would reach 1 client: Ana.');
    expect(reachSentence({ total: 0, sample: [] }, 'en-US')).toBe('This week it would reach nobody.');
  });

  it('gives this month’s line, zeros for a month without messages', () => {
    const counts = { ...emptyCounts(), recipients: 12, sent: 12, delivered: 11, failed: 1, optedOut: 1, tried: 12 };
    const stats = { months: [{ month: '2026-12', counts, cost: 0.1 }] };
    const money = { currency: 'USD', locale: 'en-US' };
    expect(statsLine(monthFigures(stats, '2026-12'), money)).toBe('This month: 12 sent · 11 delivered · 1 failed · 1 opted out · $0.10');
    expect(monthFigures(stats, '2026-11')).toEqual({ counts: emptyCounts(), cost: 0 });
    expect(statsLine(monthFigures(stats, '2026-11'), money)).toBe('This month: nothing sent yet');
  });

  it('names months and channels', () => {
    expect(monthLabel('2026-12', 'en-US')).toBe('December 2026');
    expect(channelsWords(['sms', 'email'])).toBe('text and email');
    expect(channelsWords(['email'])).toBe('email');
  });
});
