// The path of a request, read without trusting it: a request line like `GET //[ HTTP/1.1` or a bad
// percent-escape must get a 400, never an exception that could end the process.

/** The decoded path of `rawUrl`, or null when it is not a usable address. */
export function requestPath(rawUrl: string | undefined): string | null {
  let pathname: string;
  try {
    pathname = new URL(rawUrl ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}
