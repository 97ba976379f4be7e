import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSubscriptionFile } from '../../electron/core/push/subscription-file';
import { AppError } from '../../electron/core/errors';

/** A browser-like subscription's keys: an uncompressed P-256 point and a 16-byte secret, base64url. */
function browserKeys(): { p256dh: string; auth: string } {
  const ecdh = createECDH('prime256v1');
  return { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

const ENDPOINT = 'https://push.example.test/wpush/abc';

describe('parseSubscriptionFile: JSON', () => {
  it('reads PushSubscription.toJSON() entries and the flat shape, naming the client by email, phone or contactId', () => {
    const ana = browserKeys();
    const bo = browserKeys();
    const cy = browserKeys();
    const text = JSON.stringify([
      { endpoint: `${ENDPOINT}/1`, expirationTime: null, keys: ana, email: ' Ana@Salon.DEV ' },
      { endpoint: `${ENDPOINT}/2`, ...bo, phone: '(415) 555-2671' },
      { endpoint: `${ENDPOINT}/3`, keys: cy, contactId: 7 },
    ]);

    const { rows, invalid } = parseSubscriptionFile('json', text);

    expect(invalid).toEqual([]);
    expect(rows).toEqual([
      { line: 1, endpoint: `${ENDPOINT}/1`, ...ana, contactId: null, email: 'ana@salon.dev', phone: null },
      { line: 2, endpoint: `${ENDPOINT}/2`, ...bo, contactId: null, email: null, phone: '(415) 555-2671' },
      { line: 3, endpoint: `${ENDPOINT}/3`, ...cy, contactId: 7, email: null, phone: null },
    ]);
  });

  it('writes keys given in standard base64 with padding as base64url', () => {
    const keys = browserKeys();
    const padded = { p256dh: Buffer.from(keys.p256dh, 'base64url').toString('base64'), auth: Buffer.from(keys.auth, 'base64url').toString('base64') };

    const { rows } = parseSubscriptionFile('json', JSON.stringify([{ endpoint: ENDPOINT, keys: padded, email: 'a@b.test' }]));

    expect(rows[0]).toMatchObject(keys);
  });

  it('reports each invalid entry by its position, in plain words', () => {
    const good = browserKeys();
    const text = JSON.stringify([
      { endpoint: ENDPOINT, keys: good, email: 'ok@salon.dev' },
      { endpoint: 'http://push.example.test/x', keys: good, email: 'ana@salon.dev' },
      { endpoint: ENDPOINT, keys: { p256dh: randomBytes(65).toString('base64url'), auth: good.auth }, email: 'ana@salon.dev' },
      { endpoint: ENDPOINT, keys: { p256dh: good.p256dh, auth: randomBytes(12).toString('base64url') }, email: 'ana@salon.dev' },
      { endpoint: ENDPOINT, keys: good },
      'not a subscription',
      { keys: {}, email: 'not-an-email', contactId: 'x' },
    ]);

    const { rows, invalid } = parseSubscriptionFile('json', text);

    expect(rows.map((row) => row.line)).toEqual([1]);
    expect(invalid).toEqual([
      { line: 2, reason: 'The endpoint “http://push.example.test/x” is not an https:// address' },
      { line: 3, reason: expect.stringMatching(/^The p256dh key is not a browser public key/) },
      { line: 4, reason: 'The auth secret is not 16 bytes in base64url' },
      { line: 5, reason: 'There is no client to link it to: give an email, a phone or a contactId' },
      { line: 6, reason: expect.stringMatching(/not a subscription/) },
      {
        line: 7,
        reason:
          'The endpoint is missing. The p256dh key is missing. The auth secret is missing. The contactId “x” is not a client number. “not-an-email” is not an email address',
      },
    ]);
  });

  it('refuses a file that is not a JSON list', () => {
    expect(() => parseSubscriptionFile('json', '{"endpoint":')).toThrow(/not valid JSON/);
    expect(() => parseSubscriptionFile('json', '{"endpoint":"https://x"}')).toThrow(AppError);
  });
});

describe('parseSubscriptionFile: CSV', () => {
  it('reads the columns in any order and case, counting the header as line 1 and skipping blank lines', () => {
    const ana = browserKeys();
    const bo = browserKeys();
    const text = [
      '\uFEFFEmail,Endpoint,Keys.P256dh,Auth,Phone,contact_id',
      `ana@salon.dev,${ENDPOINT}/1,${ana.p256dh},${ana.auth},,`,
      '',
      `,${ENDPOINT}/2,${bo.p256dh},${bo.auth},+1 415 555 2671,12`,
    ].join('\r\n');

    const { rows, invalid } = parseSubscriptionFile('csv', text);

    expect(invalid).toEqual([]);
    expect(rows).toEqual([
      { line: 2, endpoint: `${ENDPOINT}/1`, ...ana, contactId: null, email: 'ana@salon.dev', phone: null },
      { line: 4, endpoint: `${ENDPOINT}/2`, ...bo, contactId: 12, email: null, phone: '+1 415 555 2671' },
    ]);
  });

  it('reports invalid rows with their line', () => {
    const good = browserKeys();
    const text = [
      'endpoint,p256dh,auth,phone',
      `${ENDPOINT},${good.p256dh},${good.auth},`,
      `${ENDPOINT},"not base64!",${good.auth},4155552671`,
      `${ENDPOINT},${good.p256dh},${good.auth},4155552671`,
    ].join('\n');

    const { rows, invalid } = parseSubscriptionFile('csv', text);

    expect(rows.map((row) => row.line)).toEqual([4]);
    expect(invalid).toEqual([
      { line: 2, reason: 'There is no client to link it to: give an email, a phone or a contactId' },
      { line: 3, reason: expect.stringMatching(/^The p256dh key is not a browser public key/) },
    ]);
  });

  it('refuses a header without the needed columns, saying which are missing', () => {
    expect(() => parseSubscriptionFile('csv', 'endpoint,key,auth\nhttps://x,y,z')).toThrow(/no p256dh, email, phone or contactId column/);
  });
});
