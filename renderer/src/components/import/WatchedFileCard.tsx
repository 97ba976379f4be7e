import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ImportDto, ImportStatus } from '../../../../shared/imports';
import type { WatchedFileDto } from '../../../../shared/watched-file';
import { useReloadOnEvents } from '../../hooks/useReloadOnEvents';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatDateTime } from '../../lib/format';
import { useImport } from '../../stores/importWizard';
import { useWatchedFile } from '../../stores/watchedFile';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';

const IMPORT_EVENTS = ['import.progress'] as const;
/** A run that could not read the file makes no import to report it: look again each minute. */
const RELOAD_EVERY_MS = 60_000;

const STATUS_LOOKS: Record<ImportStatus, { label: string; color: string }> = {
  running: { label: 'Importing', color: 'blue' },
  completed: { label: 'Imported', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  failed: { label: 'Did not finish', color: 'red' },
};

/** The file re-imported every night, when there is one: when, how the last run went, and its runs. */
export function WatchedFileCard() {
  const { watch, error, busy, load, runNow, clear } = useWatchedFile();
  const [stopping, setStopping] = useState(false);
  useReloadOnEvents(load, IMPORT_EVENTS);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), RELOAD_EVERY_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!watch) return error ? <ErrorAlert error={error} /> : null;

  return (
    <SectionCard title="Nightly import">
      <WatchSummary watch={watch} />
      <ErrorAlert error={error} />
      <LastRun watch={watch} />
      {watch.runs.length > 0 && <RunHistory runs={watch.runs} />}
      <Group>
        <Button variant="default" loading={busy} onClick={() => void runNow()}>
          Run now
        </Button>
        <Button variant="subtle" color="red" onClick={() => setStopping(true)}>
          Stop watching
        </Button>
      </Group>
      <ConfirmModal
        opened={stopping}
        title="Stop the nightly import?"
        confirmLabel="Stop watching"
        danger
        busy={busy}
        onConfirm={() => void clear().then(() => setStopping(false))}
        onCancel={() => setStopping(false)}
      >
        <Text>{watch.fileName} will no longer be imported every night. Your clients and the imports it made stay as they are.</Text>
      </ConfirmModal>
    </SectionCard>
  );
}

function WatchSummary({ watch }: { watch: WatchedFileDto }) {
  const { timeZone, locale } = useSalonFormat();
  return (
    <Stack gap={4}>
      <Text>
        Every night at {watch.time} your client list is imported again from <b>{watch.fileName}</b>, with the same
        column matching, duplicate rule and consent as the import you set it up from.
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {watch.path}
      </Text>
      <Text size="sm">Next import: {formatDateTime(watch.nextRunAt, timeZone, locale)}</Text>
    </Stack>
  );
}

function LastRun({ watch }: { watch: WatchedFileDto }) {
  const { timeZone, locale } = useSalonFormat();
  if (!watch.lastRunAt) return <Text size="sm">It has not run yet.</Text>;
  const when = formatDateTime(watch.lastRunAt, timeZone, locale);
  if (watch.lastError) {
    return (
      <Alert color="red" variant="light" title={`The last try, ${when}, did not import the file`}>
        {watch.lastError}
      </Alert>
    );
  }
  const run = watch.runs.find((entry) => entry.id === watch.lastImportId);
  return (
    <Text size="sm">
      Last run: {when}. {run && <RunLink run={run} label="See what it did" />}
    </Text>
  );
}

function RunHistory({ runs }: { runs: ImportDto[] }) {
  const { timeZone, locale } = useSalonFormat();
  return (
    <Table withTableBorder verticalSpacing={4} aria-label="Nightly imports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th>Added</Table.Th>
          <Table.Th>Updated</Table.Th>
          <Table.Th>Rejected</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id}>
            <Table.Td>{formatDateTime(run.startedAt, timeZone, locale)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_LOOKS[run.status].color}>
                {STATUS_LOOKS[run.status].label}
              </Badge>
            </Table.Td>
            <Table.Td>{run.summary?.added ?? ''}</Table.Td>
            <Table.Td>{run.summary?.updated ?? ''}</Table.Td>
            <Table.Td>{run.summary?.rejected ?? ''}</Table.Td>
            <Table.Td>
              <RunLink run={run} label="Details" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RunLink({ run, label }: { run: ImportDto; label: string }) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => useImport.getState().show(run)}>
      {label}
    </Anchor>
  );
}
