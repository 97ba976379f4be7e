import { Stack, Text } from '@mantine/core';

/** A labelled figure in a card: "Estimated before launch  $12.40". */
export function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
