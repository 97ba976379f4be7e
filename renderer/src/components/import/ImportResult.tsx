import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportDto } from '../../../../shared/imports';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { downloadText } from '../../lib/download';
import { countOf } from '../../lib/format';
import { useImport } from '../../stores/importWizard';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { StatCard } from '../StatCard';

/** What a finished import did, in four numbers, with the way to the rows it could not read. */
export function ImportResult({ job }: { job: ImportDto }) {
  const [downloading, setDownloading] = useState(false);
  const summary = job.summary ?? { added: 0, updated: 0, skipped: 0, rejected: 0 };

  const downloadRejected = async (): Promise<void> => {
    setDownloading(true);
    try {
      const { fileName, csv } = await call('imports.rejectedCsv', { id: job.id });
      downloadText(fileName, csv);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setDownloading(false);
    }
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
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <StatCard label="Added" value={summary.added} color="green" testId="import-added" />
        <StatCard label="Updated" value={summary.updated} testId="import-updated" />
        <StatCard label="Skipped" value={summary.skipped} testId="import-skipped" />
        <StatCard label="Rejected" value={summary.rejected} color={summary.rejected > 0 ? 'red' : undefined} testId="import-rejected" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Added: new clients. Updated: clients you already had, with details from the file. Skipped: clients you already
        had, left as they were. Rejected: rows that could not be read, such as a row without a valid mobile number or
        email.
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
    </Stack>
  );
}
