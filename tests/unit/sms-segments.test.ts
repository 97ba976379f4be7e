import { describe, expect, it } from 'vitest';
import { countSmsSegments } from '../../shared/sms-segments';

describe('countSmsSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits longer texts by 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSmsSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts € and brackets as two septets, without splitting one across segments', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160, doubleCost: ['€'] });
    expect(countSmsSegments('€'.repeat(81)).segments).toBe(2);
    // 152 septets then a two-septet character: it starts the second segment.
    expect(countSmsSegments('a'.repeat(152) + '[' + 'a'.repeat(10)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(152) + '[' + 'a'.repeat(152)).segments).toBe(3);
  });

  it('switches to UCS-2 for curly quotes and emoji: 70 in one segment, then 67', () => {
    const curly = countSmsSegments('It’s your day');
    expect(curly).toMatchObject({ encoding: 'UCS-2', segments: 1, forcesUnicode: ['’'] });
    expect(countSmsSegments('é'.repeat(70)).encoding).toBe('GSM-7'); // é is in the GSM set
    expect(countSmsSegments('ê'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSmsSegments('ê'.repeat(71)).segments).toBe(2);
    expect(countSmsSegments('ê'.repeat(134)).segments).toBe(2);
    expect(countSmsSegments('ê'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 units and never splits it', () => {
    expect(countSmsSegments('💇'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSmsSegments('💇'.repeat(36)).segments).toBe(2);
    // 66 units then an emoji (2 units) in a long text: the emoji opens the second segment, so
    // 134 units need three segments, not two.
    expect(countSmsSegments('ê'.repeat(66) + '💇' + 'ê'.repeat(5)).segments).toBe(2);
    expect(countSmsSegments('ê'.repeat(66) + '💇' + 'ê'.repeat(66))).toMatchObject({ units: 134, segments: 3 });
  });

  it('costs nothing for an empty text', () => {
    expect(countSmsSegments('')).toMatchObject({ segments: 0, units: 0 });
  });
});
