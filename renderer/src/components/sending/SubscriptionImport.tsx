import { Alert, Button, FileButton, Group, List, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { SubscriptionImportDto } from '../../../../shared/sending';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { detectFormat, importSummary, problemLines, type SubscriptionFormat } from '../../lib/subscriptionImport';
import { useSending } from '../../stores/sending';
import { ErrorAlert } from '../ui/ErrorAlert';

const MAX_CHARS = 20_000_000;

interface Done {
  result: SubscriptionImportDto;
  format: SubscriptionFormat;
}

/** Sign-ups exported from the salon's website, from a file or pasted, linked to the clients they belong to. */
export function SubscriptionImport() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [format, setFormat] = useState<SubscriptionFormat>('json');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const chooseFile = async (file: File | null): Promise<void> => {
    if (!file) return;
    setError(null);
    setDone(null);
    if (file.size > MAX_CHARS) {
      setError(new ApiError({ code: 'invalid_input', message: 'That file is too big: at most 20 MB at a time.' }));
      return;
    }
    const content = await file.text();
    setText(content);
    setFileName(file.name);
    setFormat(detectFormat(content, file.name));
  };

  const edit = (content: string): void => {
    setText(content);
    setFileName(null);
    setDone(null);
    setFormat(detectFormat(content));
  };

  const bringIn = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await call('sending.importSubscriptions', { format, text });
      setDone({ result, format });
      setText('');
      setFileName(null);
      // The number of signed-up browsers changed.
      void useSending.getState().load();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>Bring in sign-ups from your website</Title>
        <Text size="sm" c="dimmed">
          Your website keeps a list of the browsers that allowed notifications. Export it as a JSON or CSV file with, for
          each one, its endpoint, p256dh and auth keys and the client’s email or mobile number, so each sign-up can be
          matched to your client. Bringing the same file in again does no harm.
        </Text>
      </div>
      <Group gap="sm">
        <FileButton onChange={(file) => void chooseFile(file)} accept=".json,.csv,application/json,text/csv">
          {(props) => (
            <Button variant="default" {...props}>
              Choose a file…
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {fileName ? `${fileName} is ready to bring in.` : 'or paste the list below.'}
        </Text>
      </Group>
      <Textarea
        label="Sign-ups"
        placeholder={'[{"endpoint": "https://…", "keys": {"p256dh": "…", "auth": "…"}, "email": "ana@example.com"}]'}
        autosize
        minRows={3}
        maxRows={8}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        value={text.length > 20_000 ? `${text.slice(0, 20_000)}\n…` : text}
        readOnly={text.length > 20_000}
        onChange={(event) => edit(event.currentTarget.value)}
        error={error?.issueFor('text')}
      />
      <Group gap="sm">
        <SegmentedControl
          size="xs"
          value={format}
          onChange={(value) => setFormat(value === 'csv' ? 'csv' : 'json')}
          data={[
            { value: 'json', label: 'JSON' },
            { value: 'csv', label: 'CSV' },
          ]}
          aria-label="Format"
        />
        <Button onClick={() => void bringIn()} loading={busy} disabled={text.trim() === ''}>
          Bring in sign-ups
        </Button>
        {text !== '' && (
          <Button variant="subtle" color="gray" onClick={() => edit('')} disabled={busy}>
            Clear
          </Button>
        )}
      </Group>
      {error && !error.issueFor('text') && <ErrorAlert error={error} />}
      {done && <ImportResult done={done} />}
    </Stack>
  );
}

function ImportResult({ done: { result, format } }: { done: Done }) {
  const unmatched = problemLines(result.unmatched, format);
  const invalid = problemLines(result.invalid, format);
  return (
    <Alert color={result.linked > 0 ? 'green' : 'yellow'} title={importSummary(result)} data-testid="subscription-import-result">
      <Stack gap="xs">
        {unmatched.lines.length > 0 && (
          <Problems
            title="No matching client (add the client, or fix their email or number, then bring the file in again):"
            list={unmatched}
          />
        )}
        {invalid.lines.length > 0 && <Problems title="Could not be read:" list={invalid} />}
      </Stack>
    </Alert>
  );
}

function Problems({ title, list }: { title: string; list: ReturnType<typeof problemLines> }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {list.lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {list.more > 0 && (
        <Text size="sm" c="dimmed">
          …and {list.more.toLocaleString('en-US')} more.
        </Text>
      )}
    </div>
  );
}
