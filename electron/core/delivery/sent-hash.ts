import { createHash } from 'node:crypto';

/**
 * What a delivery remembers of the text it handed to the provider, to recognise it in the provider's
 * list after a crash: the exact text, whatever the salon's settings have become since.
 */
export function sentHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
