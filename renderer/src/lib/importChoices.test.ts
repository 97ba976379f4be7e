import { describe, expect, it } from 'vitest';
import { consentValueRows, nameSplits, withMeaning } from './importChoices';

describe('the consent values of a column', () => {
  it('shows each value with its usual meaning, and the owner’s where they changed it', () => {
    const values = [
      { value: 'subscribed', rows: 604 },
      { value: 'Unsubscribed', rows: 212 },
      { value: 'pending', rows: 3 },
    ];
    expect(consentValueRows(values, {}).map((row) => row.meaning)).toEqual(['granted', 'opted_out', 'unknown']);
    const owners = withMeaning({}, 'Pending', 'opted_out');
    expect(owners).toEqual({ pending: 'opted_out' });
    expect(consentValueRows(values, owners)[2]).toEqual({ value: 'pending', rows: 3, meaning: 'opted_out' });
  });
});

describe('the name split shown before importing', () => {
  const rows = [['佐藤 美咲', '090'], ['Ana Lopez', '415']];

  it('splits Japanese names family name first and others given name first', () => {
    expect(nameSplits(rows, ['name', 'phone'], 'auto', 'US')).toEqual([
      { written: '佐藤 美咲', family: '佐藤', given: '美咲' },
      { written: 'Ana Lopez', family: 'Lopez', given: 'Ana' },
    ]);
  });

  it('follows the order the owner picks for the file', () => {
    expect(nameSplits(rows, ['name', 'phone'], 'family_first', 'US')?.[1]).toEqual({ written: 'Ana Lopez', family: 'Ana', given: 'Lopez' });
  });

  it('has nothing to show when the file has its own given and family names', () => {
    expect(nameSplits(rows, ['name', 'firstName', 'lastName'], 'auto', 'US')).toBeNull();
    expect(nameSplits(rows, ['ignore', 'phone'], 'auto', 'US')).toBeNull();
  });
});
