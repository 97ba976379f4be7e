import { Paper, Text, type MantineColor } from '@mantine/core';

interface StatCardProps {
  label: string;
  /** Undefined while it is still being counted; text for amounts ("$1.20"). */
  value: number | string | undefined;
  /** A short line under the number, e.g. what it means. */
  hint?: string;
  color?: MantineColor;
  testId?: string;
}

export function StatCard({ label, value, color, hint, testId }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={color}>
        {value ?? '–'}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
