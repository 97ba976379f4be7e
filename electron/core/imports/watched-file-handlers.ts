import type { Handlers } from '../rpc/handlers';
import type { WatchedFile } from './watched-file';

type WatchedFileMethods = 'imports.watched.get' | 'imports.watched.set' | 'imports.watched.clear' | 'imports.watched.runNow';

export function watchedFileHandlers(watched: WatchedFile): Pick<Handlers, WatchedFileMethods> {
  return {
    'imports.watched.get': () => ({ watch: watched.get() }),
    'imports.watched.set': (args) => watched.set(args),
    'imports.watched.clear': () => {
      watched.clear();
      return { watch: null };
    },
    'imports.watched.runNow': () => watched.runNow(),
  };
}
