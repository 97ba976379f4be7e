import type { Delimiter, Encoding, ImportPreviewDto } from '../../../shared/imports';
import { decodeText, detectEncoding } from './detect-encoding';
import { detectDelimiter } from './detect-delimiter';
import { headerNames, looksLikeHeader, numberedHeaders, suggestByContent } from './header-row';
import { recogniseLayout } from './known-layouts';
import { parseTable } from './parse-table';
import { suggestMapping } from './suggest-mapping';
import type { Upload } from './uploads';

const PREVIEW_ROWS = 10;

/** What the owner sees before choosing: the encoding and delimiter found (or chosen), columns and first rows. */
export function buildPreview(
  uploadId: string,
  upload: Upload,
  choice: { encoding?: Encoding; delimiter?: Delimiter },
): ImportPreviewDto {
  const detected = detectEncoding(upload.bytes);
  const guess = choice.encoding
    ? { encoding: choice.encoding, confidence: 100, askEncoding: false, candidates: [...new Set([choice.encoding, ...detected.candidates])] }
    : detected;
  const text = decodeText(upload.bytes, guess.encoding);
  const delimiter = choice.delimiter ?? detectDelimiter(text);
  const { rows, columnCount } = parseTable(text, delimiter);
  const first = rows[0]?.cells ?? [];
  const hasHeader = looksLikeHeader(first);
  const headers = hasHeader ? headerNames(first, columnCount) : numberedHeaders(columnCount);
  const data = hasHeader ? rows.slice(1) : rows;
  const layout = hasHeader ? recogniseLayout(headers) : undefined;
  return {
    uploadId,
    fileName: upload.fileName,
    bytes: upload.bytes.length,
    encoding: guess.encoding,
    encodingConfidence: guess.confidence,
    askEncoding: guess.askEncoding,
    candidates: guess.candidates,
    delimiter,
    headers,
    rows: data.slice(0, PREVIEW_ROWS).map((row) => row.cells),
    totalRows: data.length,
    suggestedMapping: hasHeader ? suggestMapping(first, columnCount) : suggestByContent(first, columnCount),
    ...(layout && { layout }),
  };
}
