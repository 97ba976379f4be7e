import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StepDraft } from '../../../../shared/broadcasts';
import type { TemplateChannel, TemplateDto } from '../../../../shared/templates';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { showToast } from '../../stores/toasts';
import { toSaveInput, type TemplateDraft } from '../templates/templateDraft';

type Content = Pick<StepDraft, TemplateChannel>;

interface TemplateActionsProps {
  channel: TemplateChannel;
  step: StepDraft;
  onUse(content: Partial<Content>): void;
}

/** A step's content from a template, as the template's fields. */
function contentOf(template: TemplateDto, step: StepDraft): Partial<Content> {
  switch (template.channel) {
    case 'sms':
      return { sms: { ...step.sms, body: template.content.body } };
    case 'email':
      return { email: { ...template.content } };
    case 'push':
      return { push: { title: template.content.title, body: template.content.body, url: template.content.url ?? '' } };
  }
}

/** The step's content for `channel` as the template form would hold it, so it is saved the same way. */
function templateDraftOf(channel: TemplateChannel, step: StepDraft, name: string): TemplateDraft {
  const body = channel === 'sms' ? step.sms.body : channel === 'email' ? step.email.body : step.push.body;
  return { name, channel, subject: step.email.subject, title: step.push.title, body, url: step.push.url };
}

/** "Start from a template" and "Save as template" for one channel of a step. */
export function TemplateActions({ channel, step, onUse }: TemplateActionsProps) {
  const [version, setVersion] = useState(0);
  const templates = useCall('templates.list', { channel }, version);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  const save = async (): Promise<void> => {
    try {
      await call('templates.save', toSaveInput(templateDraftOf(channel, step, name), undefined));
      showToast(`Saved as the template “${name.trim()}”.`);
      setNaming(false);
      setVersion((current) => current + 1);
    } catch (caught) {
      const problem = toApiError(caught);
      setError(problem.issues[0]?.message ?? problem.message);
    }
  };

  return (
    <Group gap="sm" align="flex-end">
      <Select
        size="xs"
        label="Start from a template"
        placeholder={templates.data?.length ? 'Pick one' : 'No templates yet'}
        data={(templates.data ?? []).map((template) => ({ value: String(template.id), label: template.name }))}
        value={null}
        onChange={(value) => {
          const template = templates.data?.find((candidate) => String(candidate.id) === value);
          if (template) onUse(contentOf(template, step));
        }}
        w={220}
      />
      <Button size="xs" variant="default" onClick={() => (setName(''), setError(undefined), setNaming(true))}>
        Save as template
      </Button>
      <Modal opened={naming} onClose={() => setNaming(false)} title="Save as a template">
        <Stack>
          <TextInput label="Template name" value={name} onChange={(event) => setName(event.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNaming(false)}>
              Cancel
            </Button>
            <Button onClick={() => void save()}>Save template</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
