import { Button, EmptyState as MantineEmptyState, Paper } from '@mantine/core';

interface EmptyStateProps {
  title: string;
  /** What to do first. */
  description: string;
  action?: { label: string; onClick(): void };
}

/** What an empty list shows instead: what is missing and the first step to fill it. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" py="xl" px="md">
      <MantineEmptyState title={title} description={description}>
        {action && (
          <MantineEmptyState.Actions>
            <Button onClick={action.onClick}>{action.label}</Button>
          </MantineEmptyState.Actions>
        )}
      </MantineEmptyState>
    </Paper>
  );
}
