import { Button, EmptyState as MantineEmptyState, Paper } from '@mantine/core';

interface Action {
  label: string;
  onClick(): void;
}

interface EmptyStateProps {
  title: string;
  /** What to do first. */
  description: string;
  action?: Action;
  /** A second way forward, shown quieter. */
  secondaryAction?: Action;
}

/** What an empty list shows instead: what is missing and the first step to fill it. */
export function EmptyState({ title, description, action, secondaryAction }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" py="xl" px="md">
      <MantineEmptyState title={title} description={description}>
        {(action || secondaryAction) && (
          <MantineEmptyState.Actions>
            {action && <Button onClick={action.onClick}>{action.label}</Button>}
            {secondaryAction && (
              <Button variant="default" onClick={secondaryAction.onClick}>
                {secondaryAction.label}
              </Button>
            )}
          </MantineEmptyState.Actions>
        )}
      </MantineEmptyState>
    </Paper>
  );
}
