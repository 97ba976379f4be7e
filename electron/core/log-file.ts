import { existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLineLogger, type Logger } from './log';

const MAX_LOG_BYTES = 5 * 1024 * 1024;

/** JSON lines appended to `file`; the previous file is kept as *.old once it passes 5 MB. */
export function createFileLogger(file: string): Logger {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file) && statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.old`);
  // Synchronous writes: the last lines before a crash or app.exit() must not be lost.
  const fd = openSync(file, 'a');
  return createLineLogger((line) => writeSync(fd, line));
}
