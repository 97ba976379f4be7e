import { Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../../../shared/contacts';
import type { AudienceSummaryDto, ChannelReach } from '../../../../shared/dto';
import type { AudienceSummaryState } from '../../hooks/useAudienceSummary';
import { CHANNEL_WORDS, leftOutSentence } from '../../lib/consent';
import { countOf, formatCount } from '../../lib/format';
import { ConsentBadges } from '../contacts/ConsentBadges';
import { ErrorAlert } from '../ui/ErrorAlert';

const CHANNEL_TITLES: Record<ConsentChannel, string> = { sms: 'By text', email: 'By email', push: 'By app notification' };

/** The live count: who matches, who each channel reaches and who it leaves out, and a few of them by name. */
export const AudienceSummaryPanel = memo(function AudienceSummaryPanel({ summary }: { summary: AudienceSummaryState }) {
  const { data, error, updating } = summary;
  return (
    <Paper withBorder radius="md" p="lg" aria-busy={updating}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>Who this reaches</Title>
          {updating && <Loader size="xs" aria-label="Counting" />}
        </Group>
        {error && !data && <ErrorAlert error={error} />}
        {!data && !error && <Text c="dimmed">Counting your clients…</Text>}
        {data && <SummaryNumbers data={data} stale={updating} />}
      </Stack>
    </Paper>
  );
});

function SummaryNumbers({ data, stale }: { data: AudienceSummaryDto; stale: boolean }) {
  return (
    <Stack gap="md" style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}>
      <div>
        <Text fz={32} fw={700} lh={1.1} data-testid="audience-matched">
          {formatCount(data.matched)}
        </Text>
        <Text c="dimmed" size="sm">
          {data.matched === 1 ? 'client matches' : 'clients match'}
        </Text>
      </div>
      {CONSENT_CHANNELS.map((channel) => (
        <ChannelLine key={channel} channel={channel} reach={data[channel]} />
      ))}
      <Sample data={data} />
    </Stack>
  );
}

function ChannelLine({ channel, reach }: { channel: ConsentChannel; reach: ChannelReach }) {
  const leftOut = leftOutSentence(reach, channel);
  return (
    <Stack gap={0} data-testid={`audience-reach-${channel}`}>
      <Text size="sm" fw={500}>
        {CHANNEL_TITLES[channel]}: {countOf(reach.reachable, 'client')} can get {CHANNEL_WORDS[channel].messages}
      </Text>
      {leftOut && (
        <Text size="xs" c="dimmed">
          {leftOut}
        </Text>
      )}
    </Stack>
  );
}

function Sample({ data }: { data: AudienceSummaryDto }) {
  if (data.matched === 0) {
    return (
      <Text size="sm" c="dimmed">
        No client matches. Loosen a condition, or switch “all” to “any”.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {data.sample.length < data.matched ? `A few of them` : 'All of them'}
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="audience-sample">
        <Table.Tbody>
          {data.sample.map((contact) => (
            <Table.Tr key={contact.id}>
              <Table.Td>
                <Text size="sm" truncate maw={150}>
                  {contact.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <ConsentBadges contact={contact} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
