import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PushConfigDto } from '../../../../shared/sending';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { countOf } from '../../lib/format';
import { useSending } from '../../stores/sending';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';
import { ProviderHeading } from './ProviderHeading';
import { RemoveProvider, TestResult, useProviderTest } from './ProviderActions';
import { SubscriptionImport } from './SubscriptionImport';

/** Notifications to clients who allowed them on the salon's website: the keys, and the sign-ups. */
export function PushSettings({ config }: { config: PushConfigDto | null }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const test = useProviderTest('push');

  const generate = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    test.clear();
    try {
      useSending.getState().apply(await call('sending.generatePushKeys', {}));
      setAsking(false);
      showToast(config ? 'New keys made. Give the new public key to your website.' : 'Keys made. Give the public key to your website.');
    } catch (caught) {
      setAsking(false);
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionCard title="Website notifications (web push)">
      <ProviderHeading configured={config !== null}>
        Clients who click “Allow notifications” on your salon’s website can get your broadcasts as a notification on
        their phone or computer. It is free: no provider account is needed, only a pair of keys made here.
      </ProviderHeading>
      <ErrorAlert error={error} />
      {!config && (
        <Group>
          <Button onClick={() => void generate()} loading={busy}>
            Make keys
          </Button>
        </Group>
      )}
      {config && (
        <Stack gap="md">
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Your public key
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="push-public-key">
                {config.publicKey}
              </Code>
              <CopyButton value={config.publicKey}>
                {({ copied, copy }) => (
                  <Button variant="light" size="xs" color={copied ? 'green' : undefined} onClick={copy} w={80}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              Paste it into your website’s notification sign-up, or send it to whoever looks after your website: they may
              know it as the “VAPID public key” or “applicationServerKey”. It is not secret. Push services reach you
              through {config.subject.replace(/^mailto:/, '')} if there is a problem.
            </Text>
          </Stack>
          <Text size="sm">
            <b>{countOf(config.subscriptions, 'browser')}</b> signed up for notifications so far.
            {config.subscriptions === 0 && ' Bring in the sign-ups from your website below to reach them.'}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => void test.run()} loading={test.busy} disabled={config.subscriptions === 0}>
              Send a test notification
            </Button>
            <Button variant="default" onClick={() => setAsking(true)}>
              Make new keys…
            </Button>
            <RemoveProvider
              provider="push"
              name="website notifications"
              consequence="The keys are forgotten on this computer. Browsers that signed up with them can no longer be reached, even if you make new keys later."
              onRemoved={test.clear}
            />
          </Group>
          {config.subscriptions === 0 && (
            <Text size="xs" c="dimmed" mt={-8}>
              A test needs at least one signed-up browser: sign up on your own website first, then bring the sign-ups in.
            </Text>
          )}
          <TestResult result={test.result} onClose={test.clear} />
          <SubscriptionImport />
        </Stack>
      )}
      <ConfirmModal
        opened={asking}
        title="Make new keys?"
        confirmLabel="Make new keys"
        danger
        busy={busy}
        onConfirm={() => void generate()}
        onCancel={() => setAsking(false)}
      >
        <Text>
          {config && config.subscriptions > 0
            ? `The ${countOf(config.subscriptions, 'browser')} signed up so far will stop getting notifications. `
            : 'Browsers signed up with the old key will stop getting notifications. '}
          Your website must use the new public key, and clients must allow notifications again.
        </Text>
        <Text size="sm" c="dimmed">
          Only do this if the old keys were lost or leaked.
        </Text>
      </ConfirmModal>
    </SectionCard>
  );
}
