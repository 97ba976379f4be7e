import { Stack, TextInput } from '@mantine/core';
import { PUSH_BODY_MAX_CHARS, PUSH_TITLE_MAX_CHARS } from '../../../../shared/templates';
import type { StepDraft } from '../../../../shared/broadcasts';
import { CharacterCount } from '../templates/CharacterCount';
import { TokenField } from '../templates/TokenField';

interface PushEditorProps {
  value: StepDraft['push'];
  onChange(value: StepDraft['push']): void;
  errors: { title: string | undefined; body: string | undefined; url: string | undefined };
  customFields: readonly string[];
}

export function PushEditor({ value, onChange, errors, customFields }: PushEditorProps) {
  return (
    <Stack gap="sm">
      <TokenField
        label="Notification title"
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
        error={errors.title}
        customFields={customFields}
        info={<CharacterCount length={value.title.length} max={PUSH_TITLE_MAX_CHARS} />}
      />
      <TokenField
        label="Notification text"
        rows={3}
        value={value.body}
        onChange={(body) => onChange({ ...value, body })}
        error={errors.body}
        customFields={customFields}
        info={<CharacterCount length={value.body.length} max={PUSH_BODY_MAX_CHARS} />}
      />
      <TextInput
        label="Link"
        description="Where tapping it goes, e.g. your booking page. Leave empty to open your website."
        placeholder="https://"
        value={value.url}
        onChange={(event) => onChange({ ...value, url: event.currentTarget.value })}
        error={errors.url}
      />
    </Stack>
  );
}
