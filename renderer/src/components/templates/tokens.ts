import type { StandardToken } from '../../../../shared/personalise';

export interface TokenChoice {
  label: string;
  /** What goes into the text. */
  token: string;
  /** Shown under the label, e.g. what is written when the value is missing. */
  hint?: string;
}

const STANDARD_CHOICES: Record<StandardToken, TokenChoice> = {
  firstName: { label: 'First name', token: '{{firstName|there}}', hint: '“there” when not known' },
  lastName: { label: 'Last name', token: '{{lastName}}' },
  fullName: { label: 'Full name', token: '{{fullName}}' },
  salonName: { label: 'Salon name', token: '{{salonName}}' },
};

/** Every field a text can be personalised with: the standard ones, then the salon's custom fields. */
export function tokenChoices(customFields: readonly string[]): { standard: TokenChoice[]; custom: TokenChoice[] } {
  return {
    standard: Object.values(STANDARD_CHOICES),
    custom: customFields.map((key) => ({ label: key, token: `{{custom:${key}}}` })),
  };
}

/** `text` put in place of the selection from `start` to `end`, and where the cursor goes after it. */
export function insertText(value: string, start: number, end: number, text: string): { value: string; cursor: number } {
  return { value: value.slice(0, start) + text + value.slice(end), cursor: start + text.length };
}
