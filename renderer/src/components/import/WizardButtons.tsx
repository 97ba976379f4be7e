import { Button, Group } from '@mantine/core';

interface WizardButtonsProps {
  back?: { label: string; onClick(): void };
  next: { label: string; onClick(): void; disabled?: boolean; loading?: boolean };
}

/** Back on the left, the way forward on the right: the same on every step. */
export function WizardButtons({ back, next }: WizardButtonsProps) {
  return (
    <Group justify="space-between">
      {back ? (
        <Button variant="default" onClick={back.onClick}>
          {back.label}
        </Button>
      ) : (
        <span />
      )}
      <Button onClick={next.onClick} disabled={next.disabled} loading={next.loading}>
        {next.label}
      </Button>
    </Group>
  );
}
