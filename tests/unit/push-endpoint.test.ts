import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pushEndpointProblem } from '../../electron/core/push/push-endpoint';
import { parseSubscriptionFile } from '../../electron/core/push/subscription-file';

// A subscription's endpoint is where the app makes an HTTPS request: only a push service on the
// public internet, never this computer or the salon's network (a file must not aim the app at a router).

const PUBLIC = [
  'https://fcm.googleapis.com/fcm/send/abc',
  'https://updates.push.services.mozilla.com/wpush/v2/abc',
  'https://web.push.apple.com/abc',
  'https://wns2-by3p.notify.windows.com/w/?token=abc',
  'https://8.8.8.8/x',
  'https://[2001:4860:4860::8888]/x',
  'https://172.32.0.1/x',
  'https://100.128.0.1/x',
];

const PRIVATE = [
  'https://127.0.0.1:8443/x',
  'https://127.8.9.10/x',
  'https://2130706433/x',
  'https://0x7f.1/x',
  'https://10.1.2.3/x',
  'https://172.16.0.1/x',
  'https://172.31.255.255/x',
  'https://192.168.1.1/x',
  'https://100.64.0.1/x',
  'https://100.127.255.255/x',
  'https://169.254.169.254/latest/meta-data',
  'https://0.0.0.0/x',
  'https://[::1]/x',
  'https://[::]/x',
  'https://[fe80::1]/x',
  'https://[fc00::1]/x',
  'https://[fd12:3456::1]/x',
  'https://[::ffff:192.168.0.1]/x',
  'https://[::ffff:127.0.0.1]/x',
  'https://localhost/x',
  'https://LOCALHOST./x',
  'https://push.localhost/x',
  'https://printer.local/x',
  'https://push.corp.internal/x',
  'https://router/x',
];

describe('a push subscription endpoint', () => {
  it.each(PUBLIC)('is accepted on a public host: %s', (endpoint) => {
    expect(pushEndpointProblem(endpoint)).toBeNull();
  });

  it.each(PRIVATE)('is refused on this computer or a private network: %s', (endpoint) => {
    expect(pushEndpointProblem(endpoint)).toMatch(/^The endpoint “.+” is on this computer or a private network, not on a push service$/);
  });

  it('is https only, and a valid address', () => {
    expect(pushEndpointProblem('http://fcm.googleapis.com/x')).toBe('The endpoint “http://fcm.googleapis.com/x” is not an https:// address');
    expect(pushEndpointProblem('not a url')).toBe('The endpoint “not a url” is not an https:// address');
  });

  it('may be on this computer only when the app is told so (tests reaching the local push double)', () => {
    const rule = { allowLoopback: true };
    expect(pushEndpointProblem('https://127.0.0.1:8443/x', rule)).toBeNull();
    expect(pushEndpointProblem('https://[::1]:8443/x', rule)).toBeNull();
    expect(pushEndpointProblem('https://localhost:8443/x', rule)).toBeNull();
    expect(pushEndpointProblem('http://127.0.0.1:8443/x', rule)).toMatch(/not an https/);
    expect(pushEndpointProblem('https://192.168.1.1/x', rule)).toMatch(/private network/);
    expect(pushEndpointProblem('https://169.254.169.254/x', rule)).toMatch(/private network/);
  });

  it('is refused with its reason when a file is read, one reason per subscription', () => {
    const ecdh = createECDH('prime256v1');
    const keys = { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
    const text = JSON.stringify([
      { endpoint: 'https://fcm.googleapis.com/fcm/send/1', keys, email: 'ana@salon.dev' },
      { endpoint: 'https://192.168.0.10/push', keys, email: 'bo@salon.dev' },
      { endpoint: 'https://127.0.0.1:9000/push', keys, email: 'cy@salon.dev' },
    ]);
    const { rows, invalid } = parseSubscriptionFile('json', text);
    expect(rows.map((row) => row.line)).toEqual([1]);
    expect(invalid).toEqual([
      { line: 2, reason: 'The endpoint “https://192.168.0.10/push” is on this computer or a private network, not on a push service' },
      { line: 3, reason: 'The endpoint “https://127.0.0.1:9000/push” is on this computer or a private network, not on a push service' },
    ]);
    expect(parseSubscriptionFile('json', text, { allowLoopback: true }).rows.map((row) => row.line)).toEqual([1, 3]);
  });
});
