import { Stack, Text } from '@mantine/core';
import type { StepDraft } from '../../../../shared/broadcasts';
import { TokenField } from '../templates/TokenField';

interface EmailEditorProps {
  value: StepDraft['email'];
  onChange(value: StepDraft['email']): void;
  errors: { subject: string | undefined; body: string | undefined };
  customFields: readonly string[];
}

/** Subject and a Markdown body; the footer the law asks for is added when it is sent. */
export function EmailEditor({ value, onChange, errors, customFields }: EmailEditorProps) {
  return (
    <Stack gap="sm">
      <TokenField
        label="Email subject"
        value={value.subject}
        onChange={(subject) => onChange({ ...value, subject })}
        error={errors.subject}
        customFields={customFields}
      />
      <TokenField
        label="Email message"
        rows={10}
        value={value.body}
        onChange={(body) => onChange({ ...value, body })}
        error={errors.body}
        customFields={customFields}
        info={
          <Text span size="xs" c="dimmed">
            **bold**, *italic*, # Heading, [link text](https://…)
          </Text>
        }
      />
      <Text size="xs" c="dimmed">
        Your salon’s name, postal address and an unsubscribe line are added at the bottom of every email.
      </Text>
    </Stack>
  );
}
