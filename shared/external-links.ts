// The web pages the app itself links to. The desktop shell opens these, and nothing else, in the
// system browser: a link in client data or a hostile page cannot make it open anything.

export const EXTERNAL_LINKS = {
  twilioConsole: 'https://console.twilio.com/',
} as const;

const ALLOWED = new Set<string>(Object.values(EXTERNAL_LINKS).map((link) => new URL(link).href));

/** Whether the shell may open `url` in the browser: one of the app's own https links, exactly. */
export function mayOpenExternally(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && ALLOWED.has(parsed.href);
  } catch {
    return false;
  }
}
