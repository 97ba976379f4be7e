import { Badge, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '../../api/ApiError';
import { useSettings, useSettingsStore } from '../../stores/settings';
import { showToast } from '../../stores/toasts';

/** In the header while sending is paused, with the way out right next to it. */
export function PausedNotice() {
  const { sendingPaused } = useSettings();
  const [resuming, setResuming] = useState(false);
  if (!sendingPaused) return null;

  const resume = async (): Promise<void> => {
    setResuming(true);
    try {
      await useSettingsStore.getState().setPaused(false);
      showToast('Sending is back on.');
    } catch (error) {
      showToast(toApiError(error).message, 'error');
    } finally {
      setResuming(false);
    }
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color="red" variant="light" size="lg">
        Sending paused
      </Badge>
      <Button size="xs" onClick={resume} loading={resuming}>
        Resume sending
      </Button>
    </Group>
  );
}
