// Client-list files built by the tests themselves, and the steps of an import through the core.
import iconv from 'iconv-lite';
import { UPLOAD_CHUNK_CHARS, type MethodInput } from '../../shared/contract';
import type { ContactDto } from '../../shared/dto';
import type { ImportDto, ImportTarget } from '../../shared/imports';
import type { Core } from '../../electron/core';
import { call, waitFor } from './test-core';

/** Lines joined with CRLF (what Excel writes), ending with one. */
export function csvText(lines: readonly string[], eol = '\r\n'): string {
  return lines.join(eol) + eol;
}

/** The text as a file's bytes: UTF-8 (optionally with its BOM) or a legacy or UTF-16 encoding via iconv-lite. */
export function fileBytes(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16le' | 'utf-16be-bom' | 'windows-1252' | 'shift_jis',
): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return iconv.encode(text, 'utf-16le', { addBOM: true });
    case 'utf-16be-bom':
      return iconv.encode(text, 'utf-16be', { addBOM: true });
    default:
      return iconv.encode(text, encoding);
  }
}

/** Send the file in contract-sized base64 pieces; returns the upload id. */
export async function upload(core: Core, fileName: string, bytes: Buffer): Promise<string> {
  const base64 = bytes.toString('base64');
  let uploadId: string | undefined;
  for (let at = 0; at === 0 || at < base64.length; at += UPLOAD_CHUNK_CHARS) {
    const chunk = base64.slice(at, at + UPLOAD_CHUNK_CHARS);
    ({ uploadId } = await call(core, 'imports.upload', { ...(uploadId && { uploadId }), fileName, chunk }));
  }
  return uploadId as string;
}

export type StartChoices = Omit<MethodInput<'imports.start'>, 'uploadId'>;

export const DEFAULT_CONSENT = { sms: 'granted', email: 'granted', source: 'Agreed to messages at booking' } as const;

/** Start with the preview's encoding, delimiter and mapping unless told otherwise, and wait for the end. */
export async function importFile(
  core: Core,
  fileName: string,
  bytes: Buffer,
  choices: Partial<StartChoices> & { mapping?: ImportTarget[] } = {},
): Promise<ImportDto> {
  const uploadId = await upload(core, fileName, bytes);
  const preview = await call(core, 'imports.preview', { uploadId });
  const started = await call(core, 'imports.start', {
    uploadId,
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    hasHeader: true,
    mapping: preview.suggestedMapping,
    mergeRule: 'fill_empty',
    consent: DEFAULT_CONSENT,
    ...choices,
  });
  return finished(core, started.id);
}

export async function finished(core: Core, id: number): Promise<ImportDto> {
  return waitFor(async () => {
    const current = await call(core, 'imports.get', { id });
    return current.status === 'running' ? undefined : current;
  });
}

/** Every contact, keyed by name. */
export async function contactsByName(core: Core): Promise<Map<string, ContactDto>> {
  const { contacts } = await call(core, 'contacts.list', { limit: 1000 });
  return new Map(contacts.map((contact) => [contact.name, contact]));
}

/** A valid client list of `count` rows: "Client n", mobile +1 415 2xx xxxx, client-n@salon.dev. */
export function generatedClients(count: number): string {
  const lines = ['Name,Mobile,Email'];
  for (let n = 1; n <= count; n++) lines.push(`Client ${n},+1415${2_000_000 + n},client-${n}@salon.dev`);
  return csvText(lines);
}
