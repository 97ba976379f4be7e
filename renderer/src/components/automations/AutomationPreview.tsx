import { Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { automationEditSchema, type AutomationEdit, type AutomationKind } from '../../../../shared/automations';
import { TYPE_CHANNELS } from '../../../../shared/broadcasts';
import { useCall } from '../../hooks/useCall';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { occasionWords, reachSentence, whenWords } from '../../lib/automations';
import { formatNumber } from '../../lib/rates';
import { salonDate } from '../../lib/salonDays';
import { ErrorAlert } from '../ui/ErrorAlert';

const SETTLE_MS = 400;
const SAMPLE_SHOWN = 8;

/** "This week it would reach 14 clients: …", for the form as it is now (saved or not), with reach per channel and who its rules skip. */
export function AutomationPreview({ id, kind, edit }: { id: number; kind: AutomationKind; edit: AutomationEdit }) {
  const { locale, timeZone } = useSalonFormat();
  const [settled] = useDebouncedValue(edit, SETTLE_MS);
  // A half-filled form cannot be previewed: the saved settings stand in until it is complete.
  const complete = automationEditSchema.safeParse(settled).success;
  const preview = useCall('automations.preview', complete ? { id, automation: settled } : { id });
  const shown = preview.data;
  const today = salonDate(timeZone);
  const year = today.slice(0, 4);
  const channels = TYPE_CHANNELS[settled.type];
  const number = (count: number) => formatNumber(count, locale);

  return (
    <Paper withBorder radius="md" p="md" data-testid="automation-preview">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Who it would reach</Title>
          {(preview.loading || settled !== edit) && <Loader size="xs" aria-label="Updating the preview" />}
        </Group>
        {preview.error && <ErrorAlert error={preview.error} />}
        {shown && (
          <>
            <Text fw={600} data-testid="automation-reach">
              {reachSentence(shown, locale)}
            </Text>
            {shown.total > 0 && (
              <Group gap="lg">
                {channels.includes('sms') && <Text size="sm">By text: {number(shown.reach.sms)}</Text>}
                {channels.includes('email') && <Text size="sm">By email: {number(shown.reach.email)}</Text>}
              </Group>
            )}
            {shown.skipped > 0 && (
              <Text size="sm" c="dimmed" data-testid="automation-preview-skipped">
                Its rules would skip {number(shown.skipped)} more {shown.skipped === 1 ? 'client' : 'clients'}.
              </Text>
            )}
            {shown.sample.length > 0 && (
              <List size="sm" spacing={2}>
                {shown.sample.slice(0, SAMPLE_SHOWN).map((client) => (
                  <List.Item key={`${client.contactId}-${client.occasion}`}>
                    {client.name} gets it {whenWords(client.date, today, locale)}, for the {occasionWords(client.occasion, locale, year, kind)}
                  </List.Item>
                ))}
              </List>
            )}
            {!settled.exemptFromCap && (
              <Text size="xs" c="dimmed">
                The weekly limit of messages per client may hold back a few of them.
              </Text>
            )}
          </>
        )}
        {!complete && (
          <Text size="xs" c="orange.8">
            Showing the saved settings until the form is complete.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
