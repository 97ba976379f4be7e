// A JSON request body, read only up to a limit: a larger one is answered at once and never buffered.
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

const TOO_LARGE: BodyResult = { ok: false, status: 413, message: 'The request is too large (the limit is 1 MB).' };

export function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      chunks.length = 0;
      resolve(TOO_LARGE);
    };
    request.on('data', onData);
    request.on('error', () => resolve({ ok: false, status: 400, message: 'The request was cut off.' }));
    request.on('end', () => {
      if (size > limit) return;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        resolve({ ok: false, status: 400, message: 'The request body is not valid JSON.' });
      }
    });
  });
}
