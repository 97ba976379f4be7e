// The renderer is served through a privileged app:// scheme, not file://: a page of ours gets an
// origin of its own (app://salon), standard web rules, and no reach into the rest of the disk.
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';

export const APP_SCHEME = 'app';
const APP_HOST = 'salon';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether `url` is on app://salon (Node's URL gives custom schemes no origin, so host and scheme are compared). */
export function isOnAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Before the app is ready: app:// behaves like https (standard, secure, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serve the built renderer's files, and only them, on app://salon/, each with the app's CSP. */
export function serveRenderer(session: Session, rendererDir: string, contentSecurityPolicy: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const found = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(found.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(found.body, { status: found.status, headers });
  });
}

/** The file under `rendererDir` an app:// address names; null for another host or outside the folder. */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let target: URL;
  let path: string;
  try {
    target = new URL(url);
    path = decodeURIComponent(target.pathname);
  } catch {
    return null;
  }
  if (!isOnAppOrigin(target) || path.includes('\0')) return null;
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  return file.startsWith(rendererDir + sep) ? file : null;
}
