import { Button, Group, Text } from '@mantine/core';
import { useId } from 'react';

interface WizardButtonsProps {
  back?: { label: string; onClick(): void };
  /** `reason`: why the way forward is closed, shown beside it while it is disabled. */
  next: { label: string; onClick(): void; disabled?: boolean; loading?: boolean; reason?: string | null };
}

/** Back on the left, the way forward on the right: the same on every step. */
export function WizardButtons({ back, next }: WizardButtonsProps) {
  const reasonId = useId();
  const reason = next.disabled ? next.reason : null;
  return (
    <Group justify="space-between">
      {back ? (
        <Button variant="default" onClick={back.onClick}>
          {back.label}
        </Button>
      ) : (
        <span />
      )}
      <Group gap="sm" wrap="nowrap">
        {reason && (
          <Text id={reasonId} size="sm" c="dimmed" maw={360} ta="right">
            {reason}
          </Text>
        )}
        <Button onClick={next.onClick} disabled={next.disabled} loading={next.loading} aria-describedby={reason ? reasonId : undefined}>
          {next.label}
        </Button>
      </Group>
    </Group>
  );
}
