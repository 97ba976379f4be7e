/**
 * Just enough RFC 5322 / MIME parsing for the SMTP double (mailparser is not available):
 * unfolded headers with RFC 2047 encoded words decoded, and the first text/plain and
 * text/html parts of a (possibly nested) multipart body, with quoted-printable or base64
 * transfer encoding and the declared charset undone.
 */

export interface ParsedMessage {
  /** Lower-cased header name → decoded values, in order of appearance. */
  headers: Record<string, string[]>;
  subject?: string;
  from?: string;
  to?: string;
  messageId?: string;
  listUnsubscribe?: string;
  listUnsubscribePost?: string;
  /** The top-level Content-Type, e.g. `multipart/alternative; boundary="..."`. */
  contentType?: string;
  text?: string;
  html?: string;
}

interface Entity {
  headers: Record<string, string[]>;
  /** Body as a binary string: one char per byte. */
  body: string;
}

interface ContentType {
  mediaType: string;
  params: Record<string, string>;
}

/** Parses a raw message; `raw` is bytes as received by the server. */
export function parseMessage(raw: Buffer): ParsedMessage {
  const entity = splitEntity(raw.toString('latin1').replace(/\r?\n/g, '\r\n'));
  const leaves = collectTextLeaves(entity);
  const first = (name: string): string | undefined => entity.headers[name]?.[0];
  return {
    headers: entity.headers,
    subject: first('subject'),
    from: first('from'),
    to: first('to'),
    messageId: first('message-id'),
    listUnsubscribe: first('list-unsubscribe'),
    listUnsubscribePost: first('list-unsubscribe-post'),
    contentType: first('content-type'),
    text: leaves.find((leaf) => leaf.mediaType === 'text/plain')?.text,
    html: leaves.find((leaf) => leaf.mediaType === 'text/html')?.text,
  };
}

function splitEntity(source: string): Entity {
  const end = source.indexOf('\r\n\r\n');
  const headerBlock = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? '' : source.slice(end + 4);
  return { headers: parseHeaders(headerBlock), body };
}

function parseHeaders(block: string): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  const unfolded = block.replace(/\r\n(?=[ \t])/g, '');
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeHeaderValue(line.slice(colon + 1).trim());
    (headers[name] ??= []).push(value);
  }
  return headers;
}

function decodeHeaderValue(binary: string): string {
  // Raw 8-bit header bytes (SMTPUTF8) are UTF-8; encoded words carry their own charset.
  const text = Buffer.from(binary, 'latin1').toString('utf8');
  return text
    .replace(/(\?=)\s+(?==\?)/g, '$1') // whitespace between adjacent encoded words is not content
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_match, charset: string, encoding: string, encoded: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(encoded, 'base64')
          : decodeQuotedPrintable(encoded.replace(/_/g, ' '));
      return decodeCharset(bytes, charset);
    });
}

function parseContentType(value: string | undefined): ContentType {
  if (!value) return { mediaType: 'text/plain', params: {} };
  const semicolon = value.indexOf(';');
  const mediaType = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const paramPattern = /;\s*([^=\s;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
  for (const match of value.matchAll(paramPattern)) {
    const [, name = '', quoted, bare] = match;
    params[name.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
  }
  return { mediaType, params };
}

function splitMultipart(body: string, boundary: string): string[] {
  // The CRLF before a delimiter belongs to the delimiter, not to the preceding part.
  const chunks = ('\r\n' + body).split('\r\n--' + boundary).slice(1);
  const closing = chunks.findIndex((chunk) => chunk.startsWith('--'));
  const parts = closing === -1 ? chunks : chunks.slice(0, closing);
  return parts.map((chunk) => chunk.replace(/^[ \t]*\r\n/, ''));
}

interface TextLeaf {
  mediaType: string;
  text: string;
}

function collectTextLeaves(entity: Entity): TextLeaf[] {
  const type = parseContentType(entity.headers['content-type']?.[0]);
  const boundary = type.params.boundary;
  if (type.mediaType.startsWith('multipart/') && boundary) {
    return splitMultipart(entity.body, boundary).flatMap((part) => collectTextLeaves(splitEntity(part)));
  }
  const isAttachment = /^\s*attachment/i.test(entity.headers['content-disposition']?.[0] ?? '');
  if (!type.mediaType.startsWith('text/') || isAttachment) return [];
  const bytes = decodeTransfer(entity.body, entity.headers['content-transfer-encoding']?.[0]);
  // MIME text is CRLF on the wire; hand back the LF text the sender composed (as mailparser does).
  const text = decodeCharset(bytes, type.params.charset ?? 'utf-8').replace(/\r\n/g, '\n');
  return [{ mediaType: type.mediaType, text }];
}

function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/[ \t]+\r\n/g, '\r\n').replace(/=\r\n/g, ''));
    default:
      return Buffer.from(body, 'latin1');
  }
}

function decodeQuotedPrintable(binary: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < binary.length; i += 1) {
    const hex = binary.slice(i + 1, i + 3);
    if (binary[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(binary.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8'); // unknown label: UTF-8 is the best guess
  }
}
