// A child process for tests/unit/data-folder-lock.test.ts: at the agreed moment it races the others for
// the lock, prints "won" or the refusal's code, and keeps what it won until its stdin closes.
import { acquireDataFolderLock, DataFolderInUseError } from '../../electron/core/data-folder-lock';

const [dataDir = '', startAt = '0'] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin rather than sleep: every racer must start within the same millisecond or so
}
try {
  acquireDataFolderLock(dataDir, 'web');
  console.log('won');
} catch (error) {
  console.log(error instanceof DataFolderInUseError ? error.code : `failed: ${String(error)}`);
}
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
