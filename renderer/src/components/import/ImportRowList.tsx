import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportRowKind } from '../../../../shared/imports';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { downloadText } from '../../lib/download';
import { countOf } from '../../lib/format';
import { showToast } from '../../stores/toasts';

const WORDING = {
  warning: {
    title: 'Imported with a warning',
    explain: 'These clients were imported, but a value could not be used and was left out (or was read differently). Fix it on the client, or in the file and import it again.',
    noteHeader: 'What was changed and why',
    download: 'Download rows with warnings',
  },
  merged: {
    title: 'Duplicates merged',
    explain: 'These rows are a client you already had, or repeat an earlier row of this file (same mobile number or email): they went into that client.',
    noteHeader: 'Went into',
    download: 'Download merged rows',
  },
} as const;

/** Download the rows of one kind of an import as a CSV file. */
export async function downloadImportRows(id: number, kind: ImportRowKind): Promise<void> {
  try {
    const { fileName, csv } = await call('imports.rejectedCsv', { id, kind });
    downloadText(fileName, csv);
  } catch (caught) {
    showToast(toApiError(caught).message, 'error');
  }
}

/** The first rows of an import with a warning, or merged into a client, with their line numbers. */
export function ImportRowList({ id, kind }: { id: number; kind: 'warning' | 'merged' }) {
  const listed = useCall('imports.rows', { id, kind });
  const [downloading, setDownloading] = useState(false);
  const words = WORDING[kind];
  if (!listed.data || listed.data.total === 0) return null;
  const { rows, total } = listed.data;
  return (
    <Stack gap="xs" data-testid={`import-${kind}-rows`}>
      <Title order={4}>
        {words.title}: {countOf(total, 'row')}
      </Title>
      <Text size="sm" c="dimmed">
        {words.explain}
      </Text>
      <Table verticalSpacing={4} maw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Line</Table.Th>
            <Table.Th>{words.noteHeader}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        {total > rows.length && <Text size="sm">The first {rows.length} are shown; the file has them all.</Text>}
        <Button
          variant="default"
          loading={downloading}
          onClick={() => {
            setDownloading(true);
            void downloadImportRows(id, kind).finally(() => setDownloading(false));
          }}
        >
          {words.download}
        </Button>
      </Group>
    </Stack>
  );
}
