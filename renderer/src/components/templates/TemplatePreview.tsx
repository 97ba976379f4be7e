import { Stack, Text } from '@mantine/core';
import type { TemplateDto } from '../../../../shared/templates';
import { SmsSize } from './SmsSize';

/** A template's content as a few lines in the list, with what a text costs. */
export function TemplatePreview({ template }: { template: TemplateDto }) {
  switch (template.channel) {
    case 'sms':
      return (
        <Stack gap={4}>
          <Body text={template.content.body} />
          <SmsSize text={template.content.body} />
        </Stack>
      );
    case 'email':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600} truncate>
            {template.content.subject}
          </Text>
          <Body text={template.content.body} />
        </Stack>
      );
    case 'push':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={600} truncate>
            {template.content.title}
          </Text>
          <Body text={template.content.body} />
          {/* Shown, not linked: the desktop app opens only its own links in the browser. */}
          {template.content.url && (
            <Text size="xs" c="blue" truncate>
              Opens {template.content.url}
            </Text>
          )}
        </Stack>
      );
  }
}

function Body({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
}
