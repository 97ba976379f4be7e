import { Checkbox, Input, Stack, Text } from '@mantine/core';
import type { ContactDraft } from '../../lib/contactDraft';

interface NewClientConsentProps {
  value: ContactDraft['consent'];
  onChange(value: ContactDraft['consent']): void;
}

/** What a new client agreed to; both unticked until the owner says otherwise. */
export function NewClientConsent({ value, onChange }: NewClientConsentProps) {
  return (
    <Input.Wrapper label="Consent" labelElement="div">
      <Stack gap={6} mt={4}>
        <Checkbox
          label="Agreed to receive texts"
          checked={value.sms}
          onChange={(event) => onChange({ ...value, sms: event.currentTarget.checked })}
        />
        <Checkbox
          label="Agreed to receive emails"
          checked={value.email}
          onChange={(event) => onChange({ ...value, email: event.currentTarget.checked })}
        />
        <Text size="xs" c="dimmed">
          Without consent a client will not get your marketing texts or emails on that channel. Only tick what the
          client said yes to.
        </Text>
      </Stack>
    </Input.Wrapper>
  );
}
