import { describe, expect, it } from 'vitest';
import { checkTemplate, findTokens, renderTemplate } from '../../shared/personalise';

describe('personalisation', () => {
  it('fills tokens, with fallbacks for empty or missing values', () => {
    const text = 'Hi {{firstName|there}}, {{ salonName }} misses you. Ask {{custom:Stylist|us}}!';
    expect(renderTemplate(text, { firstName: 'Ana', salonName: 'Luxe', custom: new Map([['Stylist', 'Maria']]) })).toBe(
      'Hi Ana, Luxe misses you. Ask Maria!',
    );
    expect(renderTemplate(text, { firstName: '  ', salonName: 'Luxe' })).toBe('Hi there, Luxe misses you. Ask us!');
    expect(renderTemplate('Hi {{firstName}}!', {})).toBe('Hi !');
  });

  it('keeps unicode as it is, in values and in the text', () => {
    expect(renderTemplate('¡Hola {{firstName|amiga}}! 💇', { firstName: 'Zoë' })).toBe('¡Hola Zoë! 💇');
    expect(renderTemplate('こんにちは{{lastName}}さん', { lastName: '山田' })).toBe('こんにちは山田さん');
  });

  it('reports unknown fields and stray braces as errors, not blanks', () => {
    expect(checkTemplate('Hi {{firstName}} from {{salonName}}', [])).toEqual([]);
    expect(checkTemplate('Hi {{custom:Stylist}}', ['Stylist'])).toEqual([]);
    expect(checkTemplate('Hi {{frstName}}', [])).toEqual([{ index: 3, length: 12, message: 'Unknown field “frstName”' }]);
    expect(checkTemplate('Hi {{custom:Colour}}', ['Stylist'])[0]?.message).toBe('Unknown field “custom:Colour”');
    expect(checkTemplate('Hi {{firstName}', [])[0]?.message).toMatch(/Braces/);
  });

  it('finds each token with its place in the text', () => {
    expect(findTokens('{{a}} and {{b|c}}')).toEqual([
      { name: 'a', fallback: null, index: 0, length: 5 },
      { name: 'b', fallback: 'c', index: 10, length: 7 },
    ]);
  });
});
