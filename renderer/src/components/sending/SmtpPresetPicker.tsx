import { Button, Group, Stack, Text } from '@mantine/core';
import { SMTP_PRESETS, type SmtpPreset } from '../../lib/smtpPresets';

/** One button per common mailbox: it fills the server, port, encryption and limits. */
export function SmtpPresetPicker({ chosen, onPick }: { chosen: SmtpPreset['id'] | null; onPick(preset: SmtpPreset): void }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Which mailbox do you send from?
      </Text>
      <Group gap="xs">
        {SMTP_PRESETS.map((preset) => (
          <Button
            key={preset.id}
            size="xs"
            variant={chosen === preset.id ? 'filled' : 'light'}
            onClick={() => onPick(preset)}
            aria-pressed={chosen === preset.id}
          >
            {preset.label}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Picking one fills in the mail server and its usual limits. Another provider? Fill the boxes in from its help
        pages (search for “SMTP settings”).
      </Text>
    </Stack>
  );
}
