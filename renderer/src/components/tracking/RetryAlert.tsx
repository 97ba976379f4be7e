import { Alert, Button, Group, Text } from '@mantine/core';
import type { ApiError } from '../../api/ApiError';

/** What could not be loaded, the core's reason, and a way to ask again. */
export function RetryAlert({ title, error, onRetry }: { title: string; error: ApiError; onRetry(): void }) {
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Group gap="sm">
        <Text size="sm">{error.message}</Text>
        <Button size="compact-sm" variant="white" color="red" onClick={onRetry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
