import { isSupportedCountry } from 'libphonenumber-js/max';
import { consentValueKey } from '../../../shared/consent-values';
import type { MethodArgs } from '../../../shared/contract';
import type { ConsentValueMeaning } from '../../../shared/imports';
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

export function importsHandlers(deps: ImportsDeps): Pick<Handlers, ImportMethods> {
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
  function start({ uploadId, ...choices }: MethodArgs<'imports.start'>) {
    const upload = uploads.read(uploadId);
    const table = parseTable(decodeText(upload.bytes, choices.encoding), choices.delimiter);
    const rows = rejectUndecodable(choices.hasHeader ? table.rows.slice(1) : table.rows, invalidUtf8Lines(upload.bytes, choices.encoding));
    if (rows.length === 0) throw invalidInput([{ path: 'uploadId', message: 'The file has no client rows to import.' }]);
    validateMapping(choices.mapping, table.columnCount);
    const headers = choices.hasHeader ? headerNames(table.rows[0]?.cells ?? [], table.columnCount) : numberedHeaders(table.columnCount);
    const at = clock.now();
    const country = fileCountry(choices.country);
    const id = imports.create(upload.fileName, { ...choices, country, headers }, rows.length, at);
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

  return {
    'imports.upload': ({ uploadId, fileName, chunk }) => uploads.append(uploadId, fileName, chunk),

    'imports.preview': ({ uploadId, encoding, delimiter }) => buildPreview(uploadId, uploads.read(uploadId), { encoding, delimiter }),

    'imports.start': start,

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
}

/** The owner's consent value mapping as the rows read it: by the compared form of each value. */
function ownersConsentValues(values: Record<string, ConsentValueMeaning>): Map<string, ConsentValueMeaning> {
  return new Map(Object.entries(values).map(([value, meaning]) => [consentValueKey(value), meaning]));
}
