import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

const decode = (base64: string): number[] => Array.from(atob(base64), (char) => char.charCodeAt(0));

describe('bytesToBase64', () => {
  it('writes the usual base64', () => {
    expect(bytesToBase64(new TextEncoder().encode('Ana;555\r\n'))).toBe('QW5hOzU1NQ0K');
    expect(bytesToBase64(Uint8Array.from([0xef, 0xbb, 0xbf]))).toBe('77u/');
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
  });

  it('round-trips binary pieces larger than one slice', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(decode(bytesToBase64(bytes))).toEqual(Array.from(bytes));
  });
});
