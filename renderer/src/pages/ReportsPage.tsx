import { Alert, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { EventName } from '../../../shared/contract';
import type { DeliveryFilter } from '../../../shared/tracking';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { ReportDownload } from '../components/reports/ReportDownload';
import { ReportFilters } from '../components/reports/ReportFilters';
import { ReportTotals } from '../components/reports/ReportTotals';
import { useCall } from '../hooks/useCall';
import { useReloadOnEvents } from '../hooks/useReloadOnEvents';
import { useSalonFormat } from '../hooks/useSalonFormat';
import { reportChoicesProblem, reportFilter, type ReportChoices } from '../lib/reportFilters';
import { monthSoFar } from '../lib/salonDays';

const REPORT_EVENTS: readonly EventName[] = ['broadcast.progress'];

/** Delivery reports across all broadcasts: totals for any dates, channel and status, and the CSV file of them. */
export function ReportsPage() {
  const { timeZone } = useSalonFormat();
  const [choices, setChoices] = useState<ReportChoices>(() => ({ ...monthSoFar(timeZone), channel: null, status: null }));
  const problem = reportChoicesProblem(choices);
  const filter = useMemo(() => reportFilter(choices), [choices]);

  return (
    <Stack gap="lg">
      <PageHeader title="Reports" description="How your messages did over any dates, across all your broadcasts." />
      <Paper withBorder radius="md" p="lg">
        <ReportFilters choices={choices} onChange={(change) => setChoices((before) => ({ ...before, ...change }))} problem={problem} />
      </Paper>
      {problem === null && <ReportSummary filter={filter} />}
    </Stack>
  );
}

function ReportSummary({ filter }: { filter: DeliveryFilter }) {
  const summary = useCall('tracking.summary', { filter });
  useReloadOnEvents(summary.reload, REPORT_EVENTS);
  if (summary.error) return <ErrorAlert error={summary.error} />;
  if (!summary.data) return <Loader size="sm" aria-label="Counting the messages" />;
  const empty = summary.data.recipients === 0;
  return (
    <Stack gap="lg">
      {empty ? (
        <Alert color="gray" variant="light">
          <Text size="sm">No messages match these dates and filters. Pick earlier dates, or every channel and status.</Text>
        </Alert>
      ) : (
        <ReportTotals counts={summary.data} />
      )}
      <Paper withBorder radius="md" p="lg">
        <ReportDownload filter={filter} disabled={empty} />
      </Paper>
    </Stack>
  );
}
