import { Button, FileButton, List, Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../lib/format';
import { useImport } from '../../stores/importWizard';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Step 1: pick the CSV file; it is sent to Salon Broadcast in pieces, with a progress bar. */
export function ChooseFileStep() {
  const upload = useImport((state) => state.upload);
  const fileName = useImport((state) => state.fileName);
  const error = useImport((state) => state.error);
  const chooseFile = useImport((state) => state.chooseFile);

  return (
    <Stack gap="md" maw={640}>
      <Text>Export your client list as a CSV file from your booking system or spreadsheet, then pick it here.</Text>
      <List size="sm" c="dimmed" spacing={2}>
        <List.Item>Fresha, Vagaro, Square, Booksy and most booking systems have an “Export clients” button that makes one.</List.Item>
        <List.Item>In Excel or Google Sheets: File → Save as (or Download) → CSV.</List.Item>
        <List.Item>Nothing is added to your clients until you have checked the columns and pressed Import.</List.Item>
      </List>
      <ErrorAlert error={error} />
      {upload ? (
        <Stack gap={4}>
          <Text size="sm">
            Reading {fileName}: {formatBytes(upload.sent)} of {formatBytes(upload.total)}
          </Text>
          <Progress value={upload.total === 0 ? 100 : (upload.sent / upload.total) * 100} size="lg" aria-label="Upload progress" />
        </Stack>
      ) : (
        <FileButton onChange={(file) => file && void chooseFile(file)} accept=".csv,.txt,.tsv,text/csv,text/plain" inputProps={{ 'aria-label': 'CSV file' }}>
          {(props) => (
            <Button {...props} w="fit-content">
              {error ? 'Choose another file' : 'Choose a CSV file'}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
