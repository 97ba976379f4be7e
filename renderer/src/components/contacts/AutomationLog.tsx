import { Loader, Stack, Text } from '@mantine/core';
import { useCall } from '../../hooks/useCall';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { occasionWords } from '../../lib/automations';
import { formatDateTime } from '../../lib/format';
import { salonDate } from '../../lib/salonDays';
import { RetryAlert } from '../tracking/RetryAlert';
import { DecisionOutcome } from '../automations/DecisionOutcome';

/** Every automatic message decided for this client, newest first: which automation, what for, sent or skipped and why. */
export function AutomationLog({ contactId, refresh }: { contactId: number; refresh: number }) {
  const { locale, timeZone } = useSalonFormat();
  const log = useCall('contacts.automationLog', { id: contactId }, refresh);
  if (log.error) return <RetryAlert title="The automatic messages could not be loaded" error={log.error} onRetry={log.reload} />;
  if (!log.data) return <Loader size="xs" aria-label="Loading the automatic messages" />;
  if (log.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No automatic message has been sent to, or skipped for, this client yet.
      </Text>
    );
  }
  const year = salonDate(timeZone).slice(0, 4);
  return (
    <Stack gap="xs" data-testid="automation-log">
      {log.data.map((decision) => (
        <Stack key={`${decision.automationId}-${decision.occasion}-${decision.decidedAt}`} gap={0} data-testid="automation-log-entry">
          <Text size="sm">
            <Text span fw={600}>
              {decision.automationName}
            </Text>{' '}
            · {occasionWords(decision.occasion, locale, year)}
          </Text>
          <DecisionOutcome decision={decision} />
          <Text size="xs" c="dimmed">
            {formatDateTime(decision.decidedAt, timeZone, locale)}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
