import { FIELD_LABELS } from '../../../shared/contacts';
import type { InputIssue } from '../../../shared/errors';
import { reachesClients, UNREACHABLE_MAPPING_MESSAGE } from '../../../shared/import-reach';
import type { ImportTarget } from '../../../shared/imports';
import { AppError, invalidInput } from '../errors';

/** Targets a column may share with others: several columns can be ignored or hold tags. */
const SHAREABLE: ReadonlySet<ImportTarget> = new Set(['ignore', 'tags']);

/** No column can reach a client: no mobile number or email is matched. Any other issues come along. */
export class UnreachableMappingError extends AppError {
  constructor(otherIssues: InputIssue[]) {
    super('invalid_input', UNREACHABLE_MAPPING_MESSAGE, [{ path: 'mapping', message: UNREACHABLE_MAPPING_MESSAGE }, ...otherIssues]);
    this.name = 'UnreachableMappingError';
  }
}

/** Refuse a mapping that does not fit the file or would make rows ambiguous, before anything is written. */
export function validateMapping(mapping: readonly ImportTarget[], columnCount: number): void {
  const issues: InputIssue[] = [];
  if (mapping.length !== columnCount) {
    issues.push({
      path: 'mapping',
      message: `The file has ${columnCount} columns but ${mapping.length} were matched. Preview the file again.`,
    });
  }
  const firstColumn = new Map<ImportTarget, number>();
  mapping.forEach((target, column) => {
    const first = firstColumn.get(target);
    if (first === undefined || SHAREABLE.has(target)) firstColumn.set(target, column);
    else issues.push({ path: `mapping.${column}`, message: `Columns ${first + 1} and ${column + 1} both go to ${targetLabel(target)}: keep one.` });
  });
  if (!reachesClients(mapping)) throw new UnreachableMappingError(issues);
  if (issues.length > 0) throw invalidInput(issues);
}

function targetLabel(target: ImportTarget): string {
  if (target.startsWith('custom:')) return `the custom field “${target.slice('custom:'.length)}”`;
  return FIELD_LABELS[target === 'totalSpent' ? 'totalSpentCents' : target] ?? target;
}
