import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportDto } from '../../../../shared/imports';
import { countOf } from '../../lib/format';
import { useImport } from '../../stores/importWizard';
import { navigate } from '../../stores/navigation';
import { StatCard } from '../ui/StatCard';
import { downloadImportRows, ImportRowList } from './ImportRowList';
import { WatchThisFile } from './WatchThisFile';

/** What a finished import did, in numbers, with the rows it could not read, the warnings and the merged duplicates. */
export function ImportResult({ job }: { job: ImportDto }) {
  const [downloading, setDownloading] = useState(false);
  const summary = job.summary ?? { added: 0, updated: 0, skipped: 0, rejected: 0 };
  const warnings = summary.warnings ?? 0;
  const merged = summary.merged ?? 0;

  const downloadRejected = async (): Promise<void> => {
    setDownloading(true);
    await downloadImportRows(job.id, 'rejected');
    setDownloading(false);
  };
  const viewClients = (): void => {
    useImport.getState().reset();
    navigate({ page: 'contacts' });
  };

  return (
    <Stack gap="md">
      <Text fw={500} size="lg">
        {job.fileName} is imported.
      </Text>
      {job.fromWatchedFile && (
        <Text size="sm" c="dimmed">
          By the nightly import of the watched file.
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <StatCard label="Added" value={summary.added} color="green" testId="import-added" />
        <StatCard label="Updated" value={summary.updated} testId="import-updated" />
        <StatCard label="Skipped" value={summary.skipped} testId="import-skipped" />
        <StatCard label="Duplicates merged" value={merged} testId="import-merged" />
        <StatCard label="With a warning" value={warnings} color={warnings > 0 ? 'yellow' : undefined} testId="import-warnings" />
        <StatCard label="Rejected" value={summary.rejected} color={summary.rejected > 0 ? 'red' : undefined} testId="import-rejected" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Added: new clients. Updated: clients you already had, with details from the file. Skipped: clients you already
        had, left as they were. Duplicates merged: rows that went into a client you had or into an earlier row of the
        file. With a warning: clients imported without a value that could not be used. Rejected: rows with no name,
        mobile number or email, so there was nobody to add.
      </Text>
      {summary.rejected > 0 && (
        <Text size="sm">
          Download the {countOf(summary.rejected, 'rejected row')} to see why each one was left out; fix them in the file
          and import it again.
        </Text>
      )}
      <Group>
        <Button onClick={viewClients}>View your clients</Button>
        {summary.rejected > 0 && (
          <Button variant="default" onClick={() => void downloadRejected()} loading={downloading}>
            Download rejected rows
          </Button>
        )}
        <Button variant="subtle" onClick={() => useImport.getState().reset()}>
          Import another file
        </Button>
      </Group>
      {!job.fromWatchedFile && <WatchThisFile job={job} />}
      {warnings > 0 && <ImportRowList id={job.id} kind="warning" />}
      {merged > 0 && <ImportRowList id={job.id} kind="merged" />}
    </Stack>
  );
}
