import { dirname, join } from 'node:path';

/**
 * Where a round keeps the key its saved Twilio secret is encrypted with: inside the round's own folder
 * (the app keeps it in a per-user folder apart from the data), so every core of the round, the engine
 * process included, reads the same key and nothing is left behind in the user's folders.
 */
export function roundKeyPath(dbPath: string): string {
  return join(dirname(dbPath), 'keys', 'secrets.key');
}
