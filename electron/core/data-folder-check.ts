// Before anything opens the data folder: can this user write there? A read-only folder, a folder of
// another user or a full disk gets one sentence naming the folder, instead of three raw errors.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../db/private-files';

/** Why the data folder cannot be used, in one sentence; null when it can. */
export function dataFolderProblem(dataDir: string): string | null {
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    ensurePrivateDir(dataDir);
    writeFileSync(probe, '');
    rmSync(probe);
    return null;
  } catch (error) {
    const full = (error as NodeJS.ErrnoException).code === 'ENOSPC';
    return full
      ? `Salon Broadcast cannot write to its data folder ${dataDir} because the disk is full: free some space and start it again.`
      : `Salon Broadcast cannot write to its data folder ${dataDir}: check that it is not read-only and that your user may write there, or choose another folder.`;
  }
}
