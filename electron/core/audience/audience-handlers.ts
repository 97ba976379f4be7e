import type { Db } from '../../../db/open';
import type { Handlers } from '../rpc/handlers';
import { countReachable } from './reachability';

export function audienceHandlers(db: Db): Pick<Handlers, 'audience.count'> {
  return { 'audience.count': ({ channel }) => countReachable(db, channel) };
}
