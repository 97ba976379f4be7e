// Matching a file's columns to client fields: the choices offered, and what is wrong with a mapping.
import { customFieldFromHeader } from '../../../shared/custom-field-from-header';
import { reachesClients, UNREACHABLE_MAPPING_MESSAGE } from '../../../shared/import-reach';
import { IMPORT_TARGETS, type Delimiter, type Encoding, type ImportPreviewDto, type ImportTarget } from '../../../shared/imports';
import { labelOf } from './fields';

export const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8 (most files)',
  'windows-1252': 'Western European (Windows, older Excel)',
  'utf-16le': 'UTF-16 (Excel “Unicode text”)',
  'utf-16be': 'UTF-16 big-endian',
  shift_jis: 'Japanese (Shift JIS)',
};

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': 'Comma ( , )',
  ';': 'Semicolon ( ; )',
  '\t': 'Tab',
  '|': 'Vertical bar ( | )',
};

/** Targets several columns may share. */
const SHAREABLE: ReadonlySet<ImportTarget> = new Set(['ignore', 'tags']);
const NUMBERED = /^Column \d+$/;

export function targetLabel(target: ImportTarget): string {
  if (target === 'ignore') return 'Don’t import';
  if (target.startsWith('custom:')) return `Keep as custom field “${target.slice('custom:'.length)}”`;
  return labelOf(target === 'totalSpent' ? 'totalSpentCents' : target);
}

/** The custom field a column is kept as: the suggestion's when it was one, else its header made valid. */
export function customTargetFor(header: string, column: number, suggested: ImportTarget | undefined): ImportTarget {
  if (suggested?.startsWith('custom:')) return suggested;
  return `custom:${customFieldFromHeader(header, column)?.key ?? `Column ${column + 1}`}`;
}

/** Why a column kept as a custom field is not named as its header, when it is not. */
export function customFieldNote(header: string, column: number, target: ImportTarget | undefined): string | null {
  const field = customFieldFromHeader(header, column);
  return field?.note && target === `custom:${field.key}` ? field.note : null;
}

/** The options of one column's "Import as" picker. */
export function targetOptions(header: string, column: number, suggested: ImportTarget | undefined): Array<{ value: ImportTarget; label: string }> {
  const custom = customTargetFor(header, column, suggested);
  return [
    { value: 'ignore', label: targetLabel('ignore') },
    { value: custom, label: targetLabel(custom) },
    ...IMPORT_TARGETS.filter((target) => target !== 'ignore').map((target) => ({ value: target, label: targetLabel(target) })),
  ];
}

export interface MappingCheck {
  /** Per column, why its choice cannot stay. */
  columns: ReadonlyMap<number, string>;
  /** About the mapping as a whole. */
  overall: string | null;
}

/** The same rules the core applies, checked as the owner picks. */
export function checkMapping(mapping: readonly ImportTarget[], headers: readonly string[]): MappingCheck {
  const columns = new Map<number, string>();
  const firstColumn = new Map<ImportTarget, number>();
  mapping.forEach((target, column) => {
    const first = firstColumn.get(target);
    if (first === undefined || SHAREABLE.has(target)) firstColumn.set(target, column);
    else columns.set(column, `“${headers[first] ?? `Column ${first + 1}`}” already goes to ${targetLabel(target)}. Pick one of the two.`);
  });
  return { columns, overall: reachesClients(mapping) ? null : UNREACHABLE_MAPPING_MESSAGE };
}

/** Why the owner cannot go on to the next step with this mapping, or null when they can. */
export function nextBlockedBy(check: MappingCheck): string | null {
  if (check.overall) return check.overall;
  return check.columns.size > 0 ? 'Two columns go to the same field: pick one of each pair above.' : null;
}

/** What the preview says when the file is a booking system's export it knows. */
export function layoutNote(preview: Pick<ImportPreviewDto, 'layout'>): string | null {
  return preview.layout ? `Looks like a ${preview.layout}: its columns are matched for you on the next step.` : null;
}

export interface PreviewTable {
  headers: string[];
  rows: string[][];
  totalRows: number;
}

/** The preview as the owner sees it, whether or not the first row holds column names. */
export function previewTable(preview: ImportPreviewDto, hasHeader: boolean): PreviewTable {
  const coreHasHeader = detectedHeader(preview);
  if (hasHeader === coreHasHeader) return { headers: preview.headers, rows: preview.rows, totalRows: preview.totalRows };
  if (hasHeader) {
    const [first = [], ...rest] = preview.rows;
    return { headers: preview.headers.map((fallback, i) => first[i]?.trim() || fallback), rows: rest, totalRows: preview.totalRows - 1 };
  }
  return {
    headers: preview.headers.map((_, i) => `Column ${i + 1}`),
    rows: [preview.headers, ...preview.rows],
    totalRows: preview.totalRows + 1,
  };
}

/** The core names columns "Column 1", "Column 2", … when it found no header row. */
export function detectedHeader(preview: ImportPreviewDto): boolean {
  return !preview.headers.every((header) => NUMBERED.test(header));
}
