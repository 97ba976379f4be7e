/**
 * Test-only self-signed X.509 certificate for the loopback doubles, built in memory with
 * node:crypto so the tests need neither the openssl CLI nor key material checked in.
 *
 * The certificate is its own CA (basicConstraints CA:TRUE) and names 127.0.0.1 and
 * localhost in subjectAltName, so a client that trusts `cert` through a `ca` option
 * verifies the double exactly as it would verify a real server.
 */
import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';

export interface SelfSignedCert {
  /** PEM certificate: give it to clients as `ca`. */
  cert: string;
  /** PEM PKCS#8 private key for the server. */
  key: string;
}

// Minimal DER writer: just the types an X.509 certificate needs.
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const explicit = (tagNumber: number, item: Buffer): Buffer => tlv(0xa0 | tagNumber, item);
const octetString = (content: Buffer): Buffer => tlv(0x04, content);
const bitString = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const booleanTrue = (): Buffer => tlv(0x01, Buffer.from([0xff]));

function integer(value: Buffer): Buffer {
  // A leading 1 bit would make the INTEGER negative.
  // DER: minimal length (no leading zero bytes), then a zero byte only where the top bit would read as negative.
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const minimal = value.subarray(start);
  return tlv(0x02, (minimal[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift(0x80 | (value & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2024-01-02T03:04:05.678Z
  const compact = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
  return tlv(0x17, Buffer.from(compact, 'ascii'));
}

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));

function commonName(name: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.3'), utf8String(name))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? sequence(oid(id), booleanTrue(), octetString(value)) : sequence(oid(id), octetString(value));
}

function extensions(): Buffer {
  const basicConstraints = extension('2.5.29.19', true, sequence(booleanTrue()));
  // digitalSignature (bit 0) + keyCertSign (bit 5): 0b10000100, 2 unused bits.
  const keyUsage = extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x02, 0x84])));
  const altNames = extension(
    '2.5.29.17',
    false,
    sequence(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost', 'ascii'))),
  );
  return explicit(3, sequence(basicConstraints, keyUsage, altNames));
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A fresh P-256 key and self-signed certificate valid from an hour ago for `validDays`. */
export function createSelfSignedCert(commonNameText = 'salon-broadcast test double', validDays = 2): SelfSignedCert {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = Date.now();
  const name = commonName(commonNameText);
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(randomBytes(8)),
    ECDSA_WITH_SHA256,
    name,
    sequence(utcTime(new Date(now - 3_600_000)), utcTime(new Date(now + validDays * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions(),
  );
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const cert = toPem('CERTIFICATE', sequence(tbs, ECDSA_WITH_SHA256, bitString(signature)));
  // Parsing once here turns an encoding mistake into an immediate, obvious failure.
  new X509Certificate(cert);
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' });
  return { cert, key: typeof key === 'string' ? key : key.toString('utf8') };
}
