import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PUSH_BODY_MAX_CHARS, PUSH_TITLE_MAX_CHARS, tokenIssues, type TemplateChannel, type TemplateDto } from '../../../../shared/templates';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { validateInput } from '../../api/validate';
import { useCall } from '../../hooks/useCall';
import type { Dialog } from '../../hooks/useDialog';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CharacterCount } from './CharacterCount';
import { SmsSize } from './SmsSize';
import { TEMPLATE_CHANNEL_WORDS } from './templateChannels';
import { draftFrom, toSaveInput, type TemplateDraft } from './templateDraft';
import { TokenField } from './TokenField';

/** A template to edit, or the channel of a new one. */
export type TemplateFormTarget = TemplateDto | TemplateChannel;

interface TemplateFormModalProps {
  dialog: Dialog<TemplateFormTarget>;
  onSaved(template: TemplateDto): void;
}

/** One form for writing a new template and changing a saved one. */
export function TemplateFormModal({ dialog, onSaved }: TemplateFormModalProps) {
  const { target } = dialog;
  const title =
    target === null ? '' : typeof target === 'string' ? `New ${TEMPLATE_CHANNEL_WORDS[target].one} template` : `Edit “${target.name}”`;
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} title={title} size="lg" centered>
      {target !== null && <TemplateForm key={dialog.openCount} target={target} onSaved={onSaved} onDone={dialog.close} />}
    </Modal>
  );
}

/** Fields with their own input; a problem anywhere else is shown above the form. */
const FIELDS = ['name', 'content.subject', 'content.title', 'content.body', 'content.url'];

interface TemplateFormProps {
  target: TemplateFormTarget;
  onSaved(template: TemplateDto): void;
  onDone(): void;
}

function TemplateForm({ target, onSaved, onDone }: TemplateFormProps) {
  const [draft, setDraft] = useState(() => draftFrom(target));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const customFields = useCall('customFields.list', {});
  const input = toSaveInput(draft, typeof target === 'string' ? undefined : target.id);
  // Checked once the custom fields are known: until then {{custom:…}} cannot be told from a typo.
  const unknownTokens = customFields.data ? tokenIssues(input, customFields.data) : [];
  const issueFor = (path: string): string | undefined => {
    const unknown = unknownTokens.find((issue) => issue.path === path);
    return unknown ? `${unknown.message}. Pick one from “+ Insert field”.` : error?.issueFor(path);
  };

  const edit = (change: Partial<TemplateDraft>): void => setDraft((current) => ({ ...current, ...change }));
  const tokenField = (field: 'subject' | 'title' | 'body') => ({
    value: draft[field],
    onChange: (value: string) => edit({ [field]: value }),
    error: issueFor(`content.${field}`),
    customFields: customFields.data ?? [],
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const invalid = validateInput('templates.save', input);
    setError(invalid);
    if (invalid || unknownTokens.length > 0) return;
    setSaving(true);
    try {
      const saved = await call('templates.save', input);
      showToast(`Saved “${saved.name}”.`);
      onSaved(saved);
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}
        <TextInput
          label="Template name"
          description="Only you see this, e.g. “Birthday treat”."
          withAsterisk
          value={draft.name}
          onChange={(event) => edit({ name: event.currentTarget.value })}
          error={issueFor('name')}
          data-autofocus
        />
        {draft.channel === 'sms' && <TokenField label="Message" rows={5} info={<SmsSize text={draft.body} />} {...tokenField('body')} />}
        {draft.channel === 'email' && (
          <>
            <TokenField label="Subject" {...tokenField('subject')} />
            <TokenField label="Message" rows={10} info={<MarkdownHint />} {...tokenField('body')} />
          </>
        )}
        {draft.channel === 'push' && (
          <>
            <TokenField
              label="Title"
              info={<CharacterCount length={draft.title.length} max={PUSH_TITLE_MAX_CHARS} />}
              {...tokenField('title')}
            />
            <TokenField
              label="Message"
              rows={3}
              info={<CharacterCount length={draft.body.length} max={PUSH_BODY_MAX_CHARS} />}
              {...tokenField('body')}
            />
            <TextInput
              label="Link"
              description="Optional. Where tapping the notification takes the client, e.g. your booking page."
              placeholder="https://"
              type="url"
              value={draft.url}
              onChange={(event) => edit({ url: event.currentTarget.value })}
              error={issueFor('content.url')}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MarkdownHint() {
  return (
    <Text span size="xs" c="dimmed">
      Markdown works: **bold**, # heading, [link](https://…)
    </Text>
  );
}
