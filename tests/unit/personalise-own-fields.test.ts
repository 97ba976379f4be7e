import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTemplate, renderTemplate, type TokenValues } from '../../shared/personalise';
import { tokenValues } from '../../electron/core/delivery/compose-message';

// A CSV column named `constructor` once stopped every broadcast: {{custom:constructor}} read
// Object.prototype.constructor for clients without it, and rendering threw. Fields are own values only.

const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const SALON = { name: 'Luxe', postalAddress: '1 Main St' };

const fieldName = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ minLength: 1 }));
// Token names cannot hold braces or a bar: a name with them is not a token, so nothing is read.
const tokenName = fieldName.filter((name) => !/[{}|]/.test(name) && name.trim() === name && name !== '');

function customOf(entries: Array<[string, string]>): TokenValues['custom'] {
  return new Map(entries);
}

describe('custom fields are read by own name only', () => {
  it('never throws and never returns an inherited value, whatever the field names', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fieldName, fc.string())), tokenName, fc.option(fc.string().filter((s) => !/[{}]/.test(s))), (entries, name, fallback) => {
        const custom = customOf(entries);
        const token = `{{custom:${name}${fallback === null ? '' : `|${fallback}`}}}`;
        const rendered = renderTemplate(`<${token}>`, { custom });
        const own = custom?.get(name);
        const expected = own?.trim() ? own : (fallback?.trim() ?? '');
        expect(rendered).toBe(`<${expected}>`);
      }),
    );
  });

  it('fills a standard token only from its own value, and a name that is no token with nothing', () => {
    fc.assert(
      fc.property(tokenName, (name) => {
        expect(() => renderTemplate(`{{${name}}}`, { firstName: 'Ana' })).not.toThrow();
      }),
    );
    expect(renderTemplate('[{{constructor}}][{{custom}}][{{toString|x}}]', { firstName: 'Ana', custom: new Map() })).toBe('[][][x]');
  });

  it('reads a client’s stored fields without throwing, whatever the JSON holds', () => {
    const recipient = (customFields: string) => ({ name: 'Ana Lima', firstName: 'Ana', lastName: 'Lima', customFields });
    const render = (customFields: string, text: string) => renderTemplate(text, tokenValues(recipient(customFields), SALON));
    expect(render('{}', '[{{custom:constructor|none}}]')).toBe('[none]');
    expect(render('{"constructor":"Maria"}', '[{{custom:constructor}}]')).toBe('[Maria]');
    expect(render('{"__proto__":"Maria"}', '[{{custom:__proto__}}]')).toBe('[Maria]');
    expect(render('{"Visits":7,"VIP":true,"Notes":null,"Tags":["a"]}', '{{custom:Visits}} {{custom:VIP}} [{{custom:Notes}}] [{{custom:Tags}}]')).toBe('7 true [] []');
    expect(render('not json', '[{{custom:Stylist|us}}]')).toBe('[us]');
    expect(render('["a"]', '[{{custom:0|none}}]')).toBe('[none]');
  });

  it('calls a prototype-named token an unknown field, even when a client has such a field', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      expect(checkTemplate(`Hi {{custom:${name}}}`, [name])).toEqual([
        { index: 3, length: name.length + 11, message: `Unknown field “custom:${name}”` },
      ]);
      expect(checkTemplate(`Hi {{${name}}}`, [])[0]?.message).toBe(`Unknown field “${name}”`);
    }
  });
});
