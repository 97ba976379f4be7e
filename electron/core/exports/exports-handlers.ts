import { AppError } from '../errors';
import type { Handlers } from '../rpc/handlers';
import type { ExportStore } from './export-store';

/** Where the owner wants `fileName` saved, or null when they cancelled: the desktop's native Save dialog. */
export type ChooseSavePath = (fileName: string) => Promise<string | null>;

export function exportsHandlers(exports: ExportStore, chooseSavePath?: ChooseSavePath): Pick<Handlers, 'exports.chunk' | 'exports.saveAs'> {
  // Exports left by a window closed mid-download are of no more use.
  exports.removeAll();
  return {
    'exports.chunk': ({ fileId, offset }) => exports.readChunk(fileId, offset),
    'exports.saveAs': async ({ fileId, fileName }) => {
      if (!chooseSavePath) {
        throw new AppError('not_available', 'Saving through a dialog is for the desktop app; in the browser the file downloads.');
      }
      exports.existing(fileId);
      const path = await chooseSavePath(fileName);
      // A cancelled save is not kept: asking again writes the report afresh.
      if (path === null) {
        exports.remove(fileId);
        return { saved: false, path: null };
      }
      await exports.saveTo(fileId, path);
      return { saved: true, path };
    },
  };
}
