import { dirname } from 'node:path';
import type { Handlers } from '../rpc/handlers';
import { version } from '../../../package.json';

export function appHandlers(dbPath: string, host: 'desktop' | 'web'): Pick<Handlers, 'app.info'> {
  return { 'app.info': () => ({ version, dataDir: dirname(dbPath), host }) };
}
