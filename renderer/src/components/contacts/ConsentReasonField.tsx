import { Textarea } from '@mantine/core';

interface ConsentReasonFieldProps {
  label: string;
  description: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  disabled?: boolean;
}

/** The reason every consent change needs: it is written to the consent history, so it is required. */
export function ConsentReasonField({ onChange, ...props }: ConsentReasonFieldProps) {
  return <Textarea {...props} withAsterisk autosize minRows={2} onChange={(event) => onChange(event.currentTarget.value)} data-autofocus />;
}
