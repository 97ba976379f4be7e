import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { TYPE_CHANNELS, type BroadcastType, type StepDraft } from '../../../../shared/broadcasts';
import type { TemplateChannel } from '../../../../shared/templates';

/** One step's whole message, for each channel of the broadcast's type, as written (before names are filled in). */
export function MessagePreview({ type, step }: { type: BroadcastType; step: StepDraft }) {
  return (
    <Stack gap="sm">
      {TYPE_CHANNELS[type].map((channel) => (
        <Paper key={channel} bg="var(--mantine-color-gray-0)" radius="md" p="md">
          <Stack gap="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {CHANNEL_TITLES[channel]}
            </Text>
            <ChannelContent channel={channel} step={step} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

const CHANNEL_TITLES: Record<TemplateChannel, string> = {
  sms: 'Text message',
  email: 'Email',
  push: 'App notification',
};

function ChannelContent({ channel, step }: { channel: TemplateChannel; step: StepDraft }) {
  switch (channel) {
    case 'sms':
      return (
        <>
          <Body text={step.sms.body} />
          {step.sms.optOutLine && (
            <Text size="sm" c="dimmed">
              Ends with “Reply STOP to opt out”.
            </Text>
          )}
        </>
      );
    case 'email':
      return (
        <>
          <Text fw={600}>{step.email.subject || <Missing>No subject yet</Missing>}</Text>
          <Body text={step.email.body} />
        </>
      );
    case 'push':
      return (
        <>
          <Text fw={600}>{step.push.title || <Missing>No title yet</Missing>}</Text>
          <Body text={step.push.body} />
          {step.push.url && (
            <Text size="sm" c="dimmed">
              Opens {step.push.url}
            </Text>
          )}
        </>
      );
  }
}

function Body({ text }: { text: string }) {
  return text.trim() ? <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : <Missing>Nothing written yet</Missing>;
}

function Missing({ children }: { children: ReactNode }) {
  return (
    <Text span c="dimmed" fs="italic" fw={400}>
      {children}
    </Text>
  );
}
