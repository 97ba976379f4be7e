/** Where the core writes what happened. Stacks and internals go here, never to the UI. */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** One JSON line per entry, to any writable (stderr, a log file). */
export function createLineLogger(write: (line: string) => void): Logger {
  const entry = (level: string) => (message: string, detail?: Record<string, unknown>) =>
    write(JSON.stringify({ at: new Date().toISOString(), level, message, ...detail }) + '\n');
  return { info: entry('info'), warn: entry('warn'), error: entry('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
