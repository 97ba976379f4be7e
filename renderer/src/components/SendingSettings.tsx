import { Alert, Switch } from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '../api/ApiError';
import { useSettings, useSettingsStore } from '../stores/settings';
import { showToast } from '../stores/toasts';
import { SectionCard } from './SectionCard';

export function SendingSettings() {
  const { sendingMode, sendingPaused } = useSettings();
  const [busy, setBusy] = useState(false);

  const setPaused = async (paused: boolean): Promise<void> => {
    setBusy(true);
    try {
      await useSettingsStore.getState().setPaused(paused);
      showToast(paused ? 'Sending is paused.' : 'Sending is back on.');
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionCard title="Sending">
      {sendingMode === 'sandbox' && (
        <Alert color="orange" title="Sandbox mode">
          Messages are simulated on this computer. Nothing reaches your clients. Broadcasts go through every step,
          so you can safely try out how sending and tracking work.
        </Alert>
      )}
      <Switch
        label="Pause all sending"
        description="Nothing more goes out until you switch this off. Messages waiting to go stay in the queue."
        checked={sendingPaused}
        disabled={busy}
        onChange={(event) => void setPaused(event.currentTarget.checked)}
      />
    </SectionCard>
  );
}
