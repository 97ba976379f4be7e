import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AutomationDto, RehearsalDto } from '../../../../shared/automations';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { channelsWords } from '../../lib/automations';
import { formatAmount } from '../../lib/money';
import { formatNumber } from '../../lib/rates';
import { dayHeading, salonDate } from '../../lib/salonDays';
import { ErrorAlert } from '../ui/ErrorAlert';

const DAYS = 30;

interface AutomationRehearsalProps {
  automation: AutomationDto;
  /** Unsaved changes are not rehearsed: the saved settings are. */
  unsaved: boolean;
}

/** Sandbox only: the next 30 days on a pretend clock over today's clients, day by day. Nothing is sent. */
export function AutomationRehearsal({ automation, unsaved }: AutomationRehearsalProps) {
  const { locale, timeZone } = useSalonFormat();
  const [result, setResult] = useState<RehearsalDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const rehearse = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('automations.rehearse', { id: automation.id, days: DAYS }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const number = (count: number) => formatNumber(count, locale);
  const busyDays = result?.days.filter((day) => day.sends.length > 0 || day.skips.length > 0) ?? [];
  const today = salonDate(timeZone);
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" title="Nothing is sent.">
        This plays “{automation.name}” over the next {DAYS} days on a pretend clock, with your clients as they are today, and shows
        who would get what, who would be skipped and why, and what it would cost. No client gets anything, nothing is charged and
        nothing is saved.
      </Alert>
      <Group>
        <Button onClick={() => void rehearse()} loading={busy}>
          {result ? 'Rehearse again' : `Rehearse the next ${DAYS} days`}
        </Button>
        {unsaved && (
          <Text size="sm" c="orange.8">
            It uses the saved settings: save your changes to rehearse them.
          </Text>
        )}
      </Group>
      <ErrorAlert error={error} />
      {result && (
        <Stack gap="sm" data-testid="rehearsal">
          <Text fw={600} data-testid="rehearsal-totals">
            Over the next {DAYS} days it would go to {number(result.totals.sends)} {result.totals.sends === 1 ? 'client' : 'clients'}
            {result.totals.skips > 0 ? `, skip ${number(result.totals.skips)}` : ''} and cost about{' '}
            {formatAmount(result.totals.cost, { currency: result.totals.currency, locale })}.
          </Text>
          {busyDays.length === 0 && <Text c="dimmed">Nobody would get it in the next {DAYS} days, and nobody would be skipped.</Text>}
          {busyDays.map((day) => (
            <Paper key={day.date} withBorder radius="md" p="md" data-testid="rehearsal-day">
              <Stack gap={6}>
                <Group justify="space-between">
                  <Title order={4}>{dayHeading(day.date, today, locale)}</Title>
                  <Text size="sm" c="dimmed">
                    {formatAmount(day.cost, { currency: result.totals.currency, locale })}
                  </Text>
                </Group>
                {day.sends.map((send) => (
                  <Text key={`send-${send.contactId}`} size="sm">
                    <Text span fw={500}>
                      {send.name}
                    </Text>{' '}
                    would get the {channelsWords(send.channels)}
                  </Text>
                ))}
                {day.skips.map((skip) => (
                  <Text key={`skip-${skip.contactId}`} size="sm" c="orange.9">
                    <Text span fw={500}>
                      {skip.name}
                    </Text>{' '}
                    would be skipped: {skip.reason}
                  </Text>
                ))}
              </Stack>
            </Paper>
          ))}
          {busyDays.length > 0 && busyDays.length < result.days.length && (
            <Text size="sm" c="dimmed">
              Nothing would happen on the other {number(result.days.length - busyDays.length)} days.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
