// `npm run start:web`: the same core as the desktop app, served to a browser on this machine only.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { dataFolderProblem } from '../core/data-folder-check';
import { acquireDataFolderLock } from '../core/data-folder-lock';
import { DB_FILE_NAME, defaultDataDir, LOG_FILE_NAME } from '../core/data-location';
import { createFileLogger } from '../core/log-file';
import { startWebHost } from './server';

const REPO_ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const twilioBaseUrl = localTwilioBaseUrl(process.env.SALON_TWILIO_BASE_URL);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const folderProblem = dataFolderProblem(dataDir);
  if (folderProblem) fail(folderProblem);
  const staticDir = join(REPO_ROOT, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) fail('The app is not built yet. Run `npm run build` first (npm run start:web does both).');

  // Before anything opens the folder: a second host must leave the first one's data alone.
  const lock = acquireDataFolderLock(dataDir, 'web');
  const log = createFileLogger(join(dataDir, 'logs', LOG_FILE_NAME));

  const core = createCore({
    dbPath: join(dataDir, DB_FILE_NAME),
    host: 'web',
    log,
    ...(twilioBaseUrl && { endpoints: { twilioBaseUrl } }),
  });
  const host = await startWebHost({ core, staticDir, port, log });
  lock.setUrl(host.url);
  core.start();

  console.log(`Salon Broadcast is running. Open this link in your browser (it includes this launch's key):\n\n  ${host.url}\n`);
  console.log(`Data: ${dataDir}\nStop with Ctrl+C.`);
  if (twilioBaseUrl) console.log(`Texts sent through Twilio go to ${twilioBaseUrl} (SALON_TWILIO_BASE_URL), not to Twilio.`);

  const shutdown = async () => {
    await host.close();
    await core.stop();
    lock.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/**
 * SALON_TWILIO_BASE_URL: for tests only, send Twilio's API calls to a stand-in on this machine
 * (tests/doubles/twilio) instead of api.twilio.com. Anything but a loopback address is refused, so a
 * stray variable can never send a salon's texts and credentials somewhere else.
 */
function localTwilioBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    fail(`SALON_TWILIO_BASE_URL must be a link such as http://127.0.0.1:4010, not "${value}".`);
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (!local || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    fail(
      `SALON_TWILIO_BASE_URL is for tests against a Twilio stand-in on this computer only: it must be http://127.0.0.1:PORT or http://localhost:PORT, not "${value}". Unset it to send through Twilio.`,
    );
  }
  return value.trim().replace(/\/+$/, '');
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
