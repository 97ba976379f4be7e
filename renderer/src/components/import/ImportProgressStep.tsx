import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ImportDto } from '../../../../shared/imports';
import { formatCount } from '../../lib/format';
import { useImport } from '../../stores/importWizard';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ImportResult } from './ImportResult';

/** Step 5: the import running (with Cancel), then what it did. */
export function ImportProgressStep() {
  const job = useImport((state) => state.job);
  const error = useImport((state) => state.error);
  if (!job) return null;
  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      {job.status === 'running' && <Running job={job} />}
      {job.status === 'completed' && <ImportResult job={job} />}
      {job.status === 'cancelled' && <Stopped title="Import cancelled" text={`Nothing from ${job.fileName} was saved. Your client list is as it was before.`} />}
      {job.status === 'failed' && (
        <Stopped title="The import did not finish" text={`${job.error ?? 'Something went wrong.'} Nothing from ${job.fileName} was saved.`} />
      )}
    </Stack>
  );
}

function Running({ job }: { job: ImportDto }) {
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const percent = job.total === 0 ? 0 : Math.round((job.processed / job.total) * 100);

  const cancel = async (): Promise<void> => {
    setCancelling(true);
    await useImport.getState().cancel();
    setCancelling(false);
    setConfirming(false);
  };

  return (
    <Stack gap="sm" maw={640}>
      <Text fw={500}>
        Importing {job.fileName}: {formatCount(job.processed)} of {formatCount(job.total)} rows read
      </Text>
      <Progress value={percent} size="xl" animated aria-label={`Import progress: ${percent}%`} />
      <Text size="sm" c="dimmed">
        Your clients are saved all together at the end. If you cancel before then, nothing from this file is saved.
      </Text>
      <Group>
        <Button variant="default" color="red" onClick={() => setConfirming(true)}>
          Cancel import
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Cancel this import?"
        confirmLabel="Cancel import"
        danger
        busy={cancelling}
        onConfirm={() => void cancel()}
        onCancel={() => setConfirming(false)}
      >
        <Text>Nothing from {job.fileName} will be saved. You can import the file again later.</Text>
      </ConfirmModal>
    </Stack>
  );
}

function Stopped({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap="md" maw={640}>
      <Alert color="yellow" title={title}>
        {text}
      </Alert>
      <Group>
        <Button onClick={() => useImport.getState().reset()}>Start again</Button>
      </Group>
    </Stack>
  );
}
