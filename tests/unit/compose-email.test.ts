import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEmail, composePush } from '../../electron/core/delivery/compose-message';
import type { TokenValues } from '../../shared/personalise';

const SALON = { name: 'Luxe', postalAddress: '1 Main St' };
const ZOE: TokenValues = { firstName: 'Zoë & Co', custom: new Map() };

function email(body: string, values: TokenValues = ZOE) {
  const composed = composeEmail({ subject: 'News', body }, values, SALON);
  return { ...composed, bodyText: composed.text.slice(0, composed.text.indexOf('\n\n—\n')) };
}

/** Every href and src of the HTML, as a browser reads the attributes. */
function addresses(html: string): string[] {
  const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => (match[1] ?? '').replace(/&(amp|quot|lt|gt|#39);/g, (_, name: string) => entities[name] ?? ''));
}

describe('the plain-text part of an email', () => {
  it('is readable text made from the Markdown, not the Markdown itself', () => {
    const body = [
      '# Spring offer for {{firstName}}',
      'A **bold** _new_ look, ~~old~~ `prices`.\\*',
      '- Colour\n- Cut\n  - with a blow-dry\n- [Book now](https://salon.example/book)',
      '1. Pick a time\n2. Come in',
      '> Best salon in town',
      '---',
      'See <https://salon.example/offer> or ![our team](https://salon.example/team.png) or [write to us](mailto:hi@salon.example).',
    ].join('\n\n');
    expect(email(body).bodyText).toBe(
      [
        'Spring offer for Zoë & Co',
        'A bold new look, old prices.*',
        '- Colour\n- Cut\n  - with a blow-dry\n- Book now (https://salon.example/book)',
        '1. Pick a time\n2. Come in',
        '> Best salon in town',
        '———',
        'See https://salon.example/offer or our team or write to us (mailto:hi@salon.example).',
      ].join('\n\n'),
    );
    expect(email(body).text.endsWith('\n\n—\nLuxe\n1 Main St\nTo stop receiving these emails, reply with “unsubscribe”.')).toBe(true);
  });
});

describe('links and images in an email', () => {
  it('keep only their text when they lead anywhere but the web, an email or a phone', () => {
    const body = [
      '[one](javascript:alert(1)) [two](JavaScript:alert(1)) [three](vbscript:msgbox) [four](data:text/html,hi)',
      '[five](/relative) [six](file:///etc/passwd) ![seven](data:image/png;base64,AAAA) ![eight](javascript:x)',
      '[call](tel:+14155550100) [mail](mailto:hi@salon.example) [web](https://salon.example/) ![pic](http://salon.example/a.png)',
    ].join('\n\n');
    const { html, bodyText } = email(body);
    expect(addresses(html)).toEqual(['tel:+14155550100', 'mailto:hi@salon.example', 'https://salon.example/', 'http://salon.example/a.png']);
    for (const word of ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']) expect(html).toContain(word);
    expect(html).not.toMatch(/javascript|vbscript|data:|file:/i);
    expect(bodyText).toBe('one two three four\n\nfive six seven eight\n\ncall (tel:+14155550100) mail (mailto:hi@salon.example) web (https://salon.example/) pic');
  });

  it('percent-encode the values put into a link, and keep them as they are in the text', () => {
    const { html, bodyText } = email('Hi {{firstName}}: [Book](https://salon.example/book?name={{firstName}}&via=mail)');
    expect(addresses(html)).toEqual(['https://salon.example/book?name=Zo%C3%AB%20%26%20Co&via=mail']);
    expect(html).toContain('Hi Zoë &#38; Co: <a href="https://salon.example/book?name=Zo%C3%AB%20%26%20Co&amp;via=mail">Book</a>');
    expect(bodyText).toBe('Hi Zoë & Co: Book (https://salon.example/book?name=Zo%C3%AB%20%26%20Co&via=mail)');
  });

  it('never let a value choose a link’s scheme or host', () => {
    const values: TokenValues = { firstName: 'x', custom: new Map([['Link', 'javascript:alert(1)'], ['Host', 'evil.example']]) };
    const { html } = email('[a]({{custom:Link}}) [b](https://{{custom:Host}}/) [c](https://salon.example{{custom:Host}}/) ![d]({{custom:Link}})', values);
    expect(addresses(html)).toEqual([]);
    expect(html).not.toContain('evil');
  });

  it('keep a link’s origin whatever the value, carry the value whole, and never produce a script address', () => {
    const filled = (value: string) => (value.trim() ? value : '');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (firstName, stylist) => {
        const values: TokenValues = { firstName, custom: new Map([['Stylist', stylist]]) };
        const { html } = email('[Book](https://salon.example/book?n={{firstName}}#{{custom:Stylist}}) [{{firstName}}](mailto:hi@salon.example?subject={{custom:Stylist}})', values);
        const [web = '', mail = '', ...more] = addresses(html);
        expect(more).toEqual([]);
        const link = new URL(web);
        expect([link.origin, link.pathname]).toEqual(['https://salon.example', '/book']);
        expect(link.searchParams.get('n')).toBe(filled(firstName));
        expect(new URL(mail).pathname).toBe('hi@salon.example');
        expect(html).not.toMatch(/<(?!\/?(?:!doctype|html|body|p|a|hr|br)\b)/i);
      }),
    );
  });

  it('carry half of a surrogate pair as U+FFFD instead of failing the message', () => {
    const { html } = email('[Book](https://salon.example/?n={{firstName}})', { firstName: 'Zo\uD800ë' });
    expect(addresses(html)).toEqual(['https://salon.example/?n=Zo%EF%BF%BD%C3%AB']);
  });
});

describe('the link of a push notification', () => {
  it('has its values percent-encoded and keeps its host', () => {
    const push = { title: 'Hi {{firstName}}', body: 'For {{firstName}}', url: 'https://salon.example/book?name={{firstName}}' };
    expect(composePush(push, ZOE)).toEqual({ title: 'Hi Zoë & Co', body: 'For Zoë & Co', url: 'https://salon.example/book?name=Zo%C3%AB%20%26%20Co' });
    const evil: TokenValues = { custom: new Map([['Host', 'evil.example/']]) };
    expect(composePush({ ...push, url: 'https://{{custom:Host}}book' }, evil).url).toBe('');
  });
});
