import { Paper, Text, type MantineColor } from '@mantine/core';

interface StatCardProps {
  label: string;
  /** Undefined while it is still being counted. */
  value: number | undefined;
  color?: MantineColor;
  testId?: string;
}

export function StatCard({ label, value, color, testId }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={color}>
        {value ?? '–'}
      </Text>
    </Paper>
  );
}
