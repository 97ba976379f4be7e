import { Alert, Button, Loader, Stack, Switch } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CredentialCheckDto } from '../../../../shared/sending';
import { toApiError } from '../../api/ApiError';
import { SETTINGS_ANCHORS } from '../../lib/settingsAnchors';
import { useSending } from '../../stores/sending';
import { useSettings, useSettingsStore } from '../../stores/settings';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';
import { ModeBanner } from './ModeBanner';
import { PushSettings } from './PushSettings';
import { SmtpSettings } from './SmtpSettings';
import { TwilioSettings } from './TwilioSettings';

/** Settings -> Sending: sandbox or live, the pause switch, and each way of sending. */
export function SendingSettings() {
  const sending = useSending((state) => state.sending);
  const loadError = useSending((state) => state.loadError);

  useEffect(() => {
    void useSending.getState().load();
  }, []);

  return (
    <Stack gap="lg">
      <SectionCard title="Sending" id={SETTINGS_ANCHORS.sending}>
        {sending && <ModeBanner sending={sending} />}
        {sending?.secretsWarning && (
          <Alert color="yellow" title="Your passwords and keys are less protected on this computer" data-testid="secrets-warning">
            {sending.secretsWarning}
          </Alert>
        )}
        {!sending && !loadError && <Loader size="sm" aria-label="Loading the sending settings" />}
        {!sending && loadError && (
          <Stack gap="xs" align="flex-start">
            <ErrorAlert error={loadError} />
            <Button variant="default" onClick={() => void useSending.getState().load()}>
              Try again
            </Button>
          </Stack>
        )}
        <PauseSwitch />
      </SectionCard>
      {/* Each form starts afresh when its saved details change, here or in another window. */}
      {sending && <TwilioSettings key={`twilio:${detailsKey(sending.twilio)}`} config={sending.twilio} />}
      {sending && <SmtpSettings key={`smtp:${detailsKey(sending.smtp)}`} config={sending.smtp} />}
      {sending && <PushSettings config={sending.push} />}
    </Stack>
  );
}

/** The saved details themselves: a check that went through changes none of them, nor the form or its test result. */
function detailsKey(config: CredentialCheckDto | null): string {
  if (!config) return 'none';
  const { checkedAt: _checkedAt, uncheckedReason: _reason, ...details } = config;
  return JSON.stringify(details);
}

function PauseSwitch() {
  const { sendingPaused } = useSettings();
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
    <Switch
      label="Pause all sending"
      description="Nothing more goes out until you switch this off. Messages waiting to go stay in the queue."
      checked={sendingPaused}
      disabled={busy}
      onChange={(event) => void setPaused(event.currentTarget.checked)}
    />
  );
}
