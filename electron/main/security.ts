// The Electron security checklist for the session and the window: strict CSP, no permissions,
// no navigation away from the app, no new windows (the app's own web links open in the browser).
import { shell, type Session, type WebContents } from 'electron';
import { mayOpenExternally } from '../../shared/external-links';

// Same policy as the renderer's <meta> CSP, sent as a header too so it also covers every response.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function secureSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The app needs no permission (camera, notifications from the page, clipboard...): ask or check, the answer is no.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function confineToApp(contents: WebContents, isAppPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppPage(url)) return;
    event.preventDefault();
    openInBrowser(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
}

/** Only the app's own https links leave it (shared/external-links.ts); anything else is dropped. */
function openInBrowser(url: string): void {
  if (mayOpenExternally(url)) void shell.openExternal(url);
}
