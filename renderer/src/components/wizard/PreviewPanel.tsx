import { Badge, Group, Loader, Paper, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { AudienceFilter } from '../../../../shared/audience';
import { TYPE_CHANNELS, type BroadcastType, type StepDraft } from '../../../../shared/broadcasts';
import { useCall } from '../../hooks/useCall';
import { countOf, formatBytes } from '../../lib/format';
import { ErrorAlert } from '../ui/ErrorAlert';

const TAB_LABELS = { sms: 'Text', email: 'Email', push: 'Notification' } as const;

interface PreviewPanelProps {
  type: BroadcastType;
  step: StepDraft;
  audience: AudienceFilter;
}

/** The step exactly as a client gets it, for any client the owner picks (the first in the audience by default). */
export function PreviewPanel({ type, step, audience }: PreviewPanelProps) {
  const [search, setSearch] = useState('');
  const [contactId, setContactId] = useState<number | undefined>();
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const [settledStep] = useDebouncedValue(step, 300);
  const contacts = useCall('contacts.list', { search: debouncedSearch, filter: audience, limit: 20 });
  const preview = useCall('broadcasts.preview', { type, step: settledStep, audience, ...(contactId !== undefined && { contactId }) });
  const channels = TYPE_CHANNELS[type];
  const shown = preview.data;

  return (
    <Paper withBorder radius="md" p="md" data-testid="message-preview">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Preview</Title>
          {preview.loading && <Loader size="xs" />}
        </Group>
        <Select
          label="As sent to"
          placeholder={shown?.contact?.name ?? 'Pick a client'}
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          data={(contacts.data?.contacts ?? []).map((contact) => ({ value: String(contact.id), label: contact.name }))}
          value={contactId === undefined ? null : String(contactId)}
          onChange={(value) => setContactId(value ? Number(value) : undefined)}
          nothingFoundMessage="Nobody in this audience by that name"
        />
        {preview.error && <ErrorAlert error={preview.error} />}
        {shown && (
          <Tabs defaultValue={channels[0]} keepMounted={false}>
            <Tabs.List>
              {channels.map((channel) => (
                <Tabs.Tab key={channel} value={channel}>
                  {TAB_LABELS[channel]}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {shown.sms && (
              <Tabs.Panel value="sms" pt="sm">
                <Paper bg="gray.1" radius="lg" p="sm" maw={320}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-sms">
                    {shown.sms.text}
                  </Text>
                </Paper>
                <Group gap={6} mt={6}>
                  <Badge variant="light" tt="none">
                    {countOf(shown.sms.segments.segments, 'segment')}
                  </Badge>
                  <Badge variant="light" color={shown.sms.segments.encoding === 'UCS-2' ? 'orange' : 'gray'} tt="none">
                    {shown.sms.segments.encoding === 'UCS-2' ? 'Unicode: 70 characters per segment' : 'Plain characters: 160 per segment'}
                  </Badge>
                </Group>
              </Tabs.Panel>
            )}
            {shown.email && (
              <Tabs.Panel value="email" pt="sm">
                <Text size="sm" fw={600} data-testid="preview-email-subject">
                  {shown.email.subject || '(no subject)'}
                </Text>
                {/* A sandboxed frame: the email's HTML is shown as a mail app would, and can run nothing. */}
                <iframe
                  title="Email preview"
                  sandbox=""
                  srcDoc={shown.email.html}
                  style={{ width: '100%', height: 360, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, background: 'white' }}
                />
              </Tabs.Panel>
            )}
            {shown.push && (
              <Tabs.Panel value="push" pt="sm">
                <Paper withBorder radius="md" p="sm" maw={340}>
                  <Text size="sm" fw={600}>
                    {shown.push.title || '(no title)'}
                  </Text>
                  <Text size="sm">{shown.push.body}</Text>
                  {shown.push.url && (
                    <Text size="xs" c="dimmed" truncate>
                      {shown.push.url}
                    </Text>
                  )}
                </Paper>
                <Text size="xs" c="dimmed" mt={6}>
                  {formatBytes(shown.push.payloadBytes)} of the 4 KB a notification may carry
                </Text>
              </Tabs.Panel>
            )}
          </Tabs>
        )}
      </Stack>
    </Paper>
  );
}
