import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ImportDto } from '../../../../shared/imports';
import { useWatchedFile } from '../../stores/watchedFile';

/** The time a nightly export is taken by default: after the night's export, before the salon opens. */
const DEFAULT_TIME = '06:00';

/** After an import: offer to import the same file again every night, from where the booking system saves it. */
export function WatchThisFile({ job }: { job: ImportDto }) {
  const { watch, error, busy, set } = useWatchedFile();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [time, setTime] = useState(DEFAULT_TIME);
  if (watch?.fromImportId === job.id) {
    return <Text size="sm">{watch.fileName} is now imported again every night at {watch.time}.</Text>;
  }
  if (!open) {
    return (
      <Group>
        <Button variant="light" onClick={() => setOpen(true)}>
          Re-import this file every night
        </Button>
      </Group>
    );
  }

  const save = async (): Promise<void> => {
    if (await set({ importId: job.id, path, time })) setOpen(false);
  };
  return (
    <Paper withBorder p="md" radius="md" maw={640}>
      <Stack gap="sm">
        <Text size="sm">
          If your booking system saves its client list to this computer every night, the app can import it again at a
          time you choose, with the same column matching and choices as this import. Each night’s import is listed on
          this page.
        </Text>
        <TextInput
          label="Where the file is saved"
          description="Its full path, e.g. C:\Exports\clients.csv or /Users/you/Exports/clients.csv."
          value={path}
          onChange={(event) => setPath(event.currentTarget.value)}
          error={error?.issueFor('path')}
        />
        <TextInput
          label="Import it every night at"
          description="Your salon’s time."
          type="time"
          w={180}
          value={time}
          onChange={(event) => setTime(event.currentTarget.value)}
          error={error?.issueFor('time')}
        />
        {watch && <Text size="sm">This replaces the nightly import of {watch.fileName}.</Text>}
        {error && !error.concernsAnyOf(['path', 'time']) && <Text c="red" size="sm">{error.message}</Text>}
        <Group>
          <Button loading={busy} onClick={() => void save()}>
            Import it every night
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            Not now
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
