// What fills the window before the app shell can show: loading, refused, or failed to start.
import { Button, Center, Code, Group, Loader, Text } from '@mantine/core';
import type { ApiError } from '../../api/ApiError';
import { FullPageMessage } from './FullPageMessage';

export function LoadingScreen() {
  return (
    <Center mih="100vh">
      <Group>
        <Loader size="sm" />
        <Text>Opening Salon Broadcast…</Text>
      </Group>
    </Center>
  );
}

export function AuthRequiredScreen() {
  return (
    <FullPageMessage title="Open Salon Broadcast from its link">
      <Text>
        This page needs the link printed by <Code>npm run start:web</Code> (it contains a one-time key).
      </Text>
      <Text c="dimmed">
        Go back to the window where Salon Broadcast was started, copy the whole link it printed, and open that link
        in this browser.
      </Text>
    </FullPageMessage>
  );
}

export function StartupFailedScreen({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  return (
    <FullPageMessage title="Salon Broadcast could not open">
      <Text>{error.message}</Text>
      <Group>
        <Button onClick={onRetry}>Try again</Button>
      </Group>
    </FullPageMessage>
  );
}
