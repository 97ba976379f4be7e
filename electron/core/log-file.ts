import { closeSync, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE } from '../../db/private-files';
import { createLineLogger, type Logger } from './log';

const MAX_LOG_BYTES = 5 * 1024 * 1024;

export interface FileLogger extends Logger {
  /** Lines that could not be written (a full disk, a removed folder) and were dropped. */
  readonly dropped: number;
}

/**
 * JSON lines appended to `file`, readable by the owner only; once it passes `maxBytes` (at start or
 * while running) it becomes *.old and a new file begins. Writing never throws: logging must not be
 * what stops a send, so a line that cannot be written (ENOSPC) is dropped and counted.
 */
export function createFileLogger(file: string, maxBytes = MAX_LOG_BYTES): FileLogger {
  let fd: number | null = null;
  let size = 0;
  let dropped = 0;

  /** The file to write to: the current one, or a new one once the current has grown past the limit. */
  const current = (): number => {
    if (fd !== null && size <= maxBytes) return fd;
    if (fd !== null) closeSync(fd);
    fd = null;
    ensurePrivateDir(dirname(file));
    if (existsSync(file) && statSync(file).size > maxBytes) renameSync(file, `${file}.old`);
    const opened = openSync(file, 'a', PRIVATE_FILE);
    fd = opened;
    size = statSync(file).size;
    return opened;
  };

  const write = (line: string): void => {
    try {
      // Synchronous writes: the last lines before a crash or app.exit() must not be lost.
      size += writeSync(current(), line);
    } catch {
      dropped++;
    }
  };
  const logger = createLineLogger(write);
  return {
    ...logger,
    get dropped() {
      return dropped;
    },
  };
}
