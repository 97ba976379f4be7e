import { isSupportedCountry } from 'libphonenumber-js/max';
import { consentValueKey } from '../../../shared/consent-values';
import type { MethodArgs } from '../../../shared/contract';
import type { ConsentValueMeaning, ImportDto } from '../../../shared/imports';
import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import { ContactsRepository } from '../contacts/contacts-repository';
import { AppError, invalidInput, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { decodeText } from './detect-encoding';
import { headerNames, numberedHeaders } from './header-row';
import { ImportRunner } from './import-runner';
import { ImportsRepository } from './imports-repository';
import { invalidUtf8Lines, rejectUndecodable } from './invalid-utf8';
import { parseTable } from './parse-table';
import { buildPreview } from './preview';
import { dateOrderFor } from './read-date';
import { distinctValues } from './distinct-values';
import { REASON_HEADERS, rejectedCsv, rejectedFileName } from './rejected-csv';
import { ImportStaging } from './staging';
import { UploadStore } from './uploads';
import { validateMapping } from './validate-mapping';

export interface ImportsDeps {
  db: Db;
  settings: SettingsRepository;
  clock: Clock;
  events: CoreEvents;
  log: Logger;
  /** Where uploaded files wait for their import. */
  uploadDir: string;
}

type ImportMethods =
  | 'imports.upload'
  | 'imports.preview'
  | 'imports.start'
  | 'imports.get'
  | 'imports.cancel'
  | 'imports.rejectedCsv'
  | 'imports.rows'
  | 'imports.columnValues';

/** An upload no import used within a day was abandoned (a closed window, a crash). */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** A run of the watched file: its path, and the header row the owner's mapping was made for. */
export interface WatchedRun {
  path: string;
  headers: readonly string[];
}

export type StartImport = (args: MethodArgs<'imports.start'>, watched?: WatchedRun) => ImportDto;

/** The import methods, and the start and uploads they use, which the watched file's runs go through too. */
export interface Imports {
  handlers: Pick<Handlers, ImportMethods>;
  start: StartImport;
  uploads: UploadStore;
  imports: ImportsRepository;
}

export function createImports(deps: ImportsDeps): Imports {
  const { db, settings, clock } = deps;
  const uploads = new UploadStore(deps.uploadDir);
  const imports = new ImportsRepository(db);
  const staging = new ImportStaging(db);
  const contacts = new ContactsRepository(db);
  const runner = new ImportRunner({ ...deps, contacts, imports, staging, uploads });
  runner.failInterrupted();
  uploads.removeStale(new Date(clock.now().getTime() - STALE_UPLOAD_MS));

  const getOrFail = (id: number) => {
    const found = imports.get(id);
    if (!found) throw notFound('That import');
    return found;
  };

  /** The country the owner chose for the file's numbers, else the salon's. */
  function fileCountry(chosen: string | undefined): string {
    if (chosen === undefined) return settings.get().country;
    if (!isSupportedCountry(chosen)) throw invalidInput([{ path: 'country', message: 'Pick the country from the list' }]);
    return chosen;
  }

  /** Read the whole file with the owner's choices and refuse what cannot work, then run in the background. */
  function start({ uploadId, ...choices }: MethodArgs<'imports.start'>, watched?: WatchedRun): ImportDto {
    const upload = uploads.read(uploadId);
    const table = parseTable(decodeText(upload.bytes, choices.encoding), choices.delimiter);
    const rows = rejectUndecodable(choices.hasHeader ? table.rows.slice(1) : table.rows, invalidUtf8Lines(upload.bytes, choices.encoding));
    if (rows.length === 0) throw invalidInput([{ path: 'uploadId', message: 'The file has no client rows to import.' }]);
    validateMapping(choices.mapping, table.columnCount);
    const headers = choices.hasHeader ? headerNames(table.rows[0]?.cells ?? [], table.columnCount) : numberedHeaders(table.columnCount);
    // The mapping goes by column: moved or renamed columns would put one field's values in another.
    if (watched && !sameHeaders(headers, watched.headers)) throw new AppError('conflict', COLUMNS_CHANGED);
    const at = clock.now();
    const country = fileCountry(choices.country);
    const id = imports.create(upload.fileName, { ...choices, country, headers, ...(watched && { watchedPath: watched.path }) }, rows.length, at);
    runner.run({
      id,
      uploadId,
      rows,
      mapping: choices.mapping,
      context: {
        country,
        dates: { order: dateOrderFor(country), thisYear: at.getUTCFullYear() },
        consentValues: ownersConsentValues(choices.consentValues),
        nameOrder: choices.nameOrder,
      },
      choices: { fileName: upload.fileName, mergeRule: choices.mergeRule, consent: choices.consent, tags: choices.tags },
    });
    return getOrFail(id);
  }

  const handlers: Pick<Handlers, ImportMethods> = {
    'imports.upload': ({ uploadId, fileName, chunk }) => uploads.append(uploadId, fileName, chunk),

    'imports.preview': ({ uploadId, encoding, delimiter }) => buildPreview(uploadId, uploads.read(uploadId), { encoding, delimiter }),

    'imports.start': (args) => start(args),

    'imports.get': ({ id }) => getOrFail(id),

    'imports.cancel': ({ id }) => {
      const current = getOrFail(id);
      if (current.status === 'running') runner.cancel(id);
      else if (current.status !== 'cancelled') {
        throw new AppError('conflict', 'This import has already finished, so there is nothing to cancel.');
      }
      return getOrFail(id);
    },

    'imports.rejectedCsv': ({ id, kind }) => {
      const { fileName } = getOrFail(id);
      const headers = imports.options(id)?.headers ?? [];
      return { fileName: rejectedFileName(fileName, kind), csv: rejectedCsv(headers, staging.rejected(id, kind), REASON_HEADERS[kind]) };
    },

    'imports.rows': ({ id, kind, limit }) => {
      getOrFail(id);
      return { rows: staging.notes(id, kind, limit), total: staging.count(id, kind) };
    },

    'imports.columnValues': ({ uploadId, encoding, delimiter, hasHeader, column }) =>
      distinctValues(parseTable(decodeText(uploads.read(uploadId).bytes, encoding), delimiter).rows.slice(hasHeader ? 1 : 0), column),
  };
  return { handlers, start, uploads, imports };
}

const COLUMNS_CHANGED =
  'The file’s columns are not the ones you matched when you set up the nightly import. Import the file once by hand, then set the nightly import again from that import.';

function sameHeaders(read: readonly string[], expected: readonly string[]): boolean {
  return read.length === expected.length && read.every((header, column) => header === expected[column]);
}

/** The owner's consent value mapping as the rows read it: by the compared form of each value. */
function ownersConsentValues(values: Record<string, ConsentValueMeaning>): Map<string, ConsentValueMeaning> {
  return new Map(Object.entries(values).map(([value, meaning]) => [consentValueKey(value), meaning]));
}
