import { Group, Textarea, TextInput } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import { TokenMenu } from './TokenMenu';
import { insertText } from './tokens';

interface TokenFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  customFields: readonly string[];
  /** A text area this many rows high; a single line without. */
  rows?: number;
  /** Beside the menu, under the field: e.g. a character count. */
  info?: ReactNode;
}

/** A message field with an "Insert field" menu that puts a personalisation token at the cursor. */
export function TokenField({ label, value, onChange, error, customFields, rows, info }: TokenFieldProps) {
  const element = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const keep = (node: HTMLInputElement | HTMLTextAreaElement | null): void => {
    element.current = node;
  };

  const insert = (token: string): void => {
    const input = element.current;
    const next = insertText(value, input?.selectionStart ?? value.length, input?.selectionEnd ?? value.length, token);
    onChange(next.value);
    // After React has put the new text in, so the cursor lands behind the token.
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const field = {
    label,
    withAsterisk: true,
    value,
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
    error,
  };
  return (
    <div>
      {rows ? <Textarea {...field} ref={keep} autosize minRows={rows} maxRows={16} /> : <TextInput {...field} ref={keep} />}
      <Group justify="space-between" gap="xs" mt={6}>
        <TokenMenu field={label} customFields={customFields} onPick={insert} />
        {info}
      </Group>
    </div>
  );
}
