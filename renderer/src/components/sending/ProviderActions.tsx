// What every provider card shares: sending a test to the owner, and removing the provider.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProviderName, ProviderTestDto } from '../../../../shared/sending';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useSending } from '../../stores/sending';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ui/ConfirmModal';

export interface ProviderTest {
  busy: boolean;
  result: ProviderTestDto | null;
  run(): Promise<void>;
  clear(): void;
}

/** Check the saved details with one real message to the owner; the core's answer, in its own words. */
export function useProviderTest(provider: ProviderName): ProviderTest {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ProviderTestDto | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await call('sending.test', { provider }));
    } catch (caught) {
      setResult({ ok: false, message: toApiError(caught).message });
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, run, clear: () => setResult(null) };
}

/** Green when the test went through, red with what to do otherwise. */
export function TestResult({ result, onClose }: { result: ProviderTestDto | null; onClose(): void }) {
  if (!result) return null;
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      title={result.ok ? 'The test went through' : 'The test did not go through'}
      role={result.ok ? 'status' : 'alert'}
      withCloseButton
      closeButtonLabel="Hide"
      onClose={onClose}
      data-testid="provider-test-result"
    >
      {result.message}
    </Alert>
  );
}

interface RemoveProviderProps {
  provider: ProviderName;
  /** "Twilio", "this mailbox", … */
  name: string;
  /** What removing it means for the owner, in a sentence or two. */
  consequence: string;
  /** Called once it is gone, e.g. to empty the form. */
  onRemoved(): void;
}

/** "Remove" with a question first: the provider's details and secrets are forgotten on this computer. */
export function RemoveProvider({ provider, name, consequence, onRemoved }: RemoveProviderProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      useSending.getState().apply(await call('sending.removeProvider', { provider }));
      setAsking(false);
      onRemoved();
      showToast(`${name} was removed.`);
    } catch (caught) {
      setAsking(false);
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setAsking(true)}>
        Remove
      </Button>
      <ConfirmModal
        opened={asking}
        title={`Remove ${name}?`}
        confirmLabel="Remove"
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      >
        <Text>{consequence}</Text>
      </ConfirmModal>
    </>
  );
}

interface ProviderFormActionsProps {
  saving: boolean;
  /** The provider is saved: a test and removing it are possible. */
  configured: boolean;
  /** The form has unsaved changes: the test would use the saved details, so it waits. */
  changed: boolean;
  test: ProviderTest;
  testLabel: string;
  /** Why no test can be sent yet (e.g. no own number), or where the test goes. */
  testHint: React.ReactNode;
  testPossible: boolean;
  remove: RemoveProviderProps;
}

/** A provider form's last row: Save, Send a test and Remove, with where the test goes and its result. */
export function ProviderFormActions({ saving, configured, changed, test, testLabel, testHint, testPossible, remove }: ProviderFormActionsProps) {
  return (
    <>
      <Group gap="sm">
        <Button type="submit" loading={saving}>
          Save
        </Button>
        {configured && (
          <Button variant="default" onClick={() => void test.run()} loading={test.busy} disabled={changed || !testPossible}>
            {testLabel}
          </Button>
        )}
        {configured && (
          <RemoveProvider
            {...remove}
            onRemoved={() => {
              remove.onRemoved();
              test.clear();
            }}
          />
        )}
      </Group>
      {configured && (
        <Text size="xs" c="dimmed" mt={-8}>
          {changed ? 'Save your changes first: the test uses the saved details.' : testHint}
        </Text>
      )}
      <TestResult result={test.result} onClose={test.clear} />
    </>
  );
}
