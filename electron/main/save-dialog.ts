// The desktop's way to take an export: the native Save dialog (the core then copies the file there).
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';

/** Ask where to save `fileName`, offering the Downloads folder; null when the owner cancels. */
export async function chooseSavePath(fileName: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    // basename: the name comes from the renderer, and only ever names a file in the folder offered.
    defaultPath: join(app.getPath('downloads'), basename(fileName)),
    filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
  };
  const window = BrowserWindow.getFocusedWindow();
  const { canceled, filePath } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return canceled || !filePath ? null : filePath;
}
