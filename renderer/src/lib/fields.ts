import { FIELD_LABELS } from '../../../shared/contacts';

/** A contact field's name for the owner, e.g. 'lastVisitAt' → "Last visit". */
export function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
