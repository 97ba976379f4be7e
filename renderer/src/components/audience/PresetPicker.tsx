import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { AUDIENCE_PRESETS, type AudiencePreset } from '../../../../shared/audience';

/** The ready-made salon audiences, one click to load into the builder. */
export function PresetPicker({ onPick }: { onPick(preset: AudiencePreset): void }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      {AUDIENCE_PRESETS.map((preset) => (
        <UnstyledButton key={preset.key} onClick={() => onPick(preset)} aria-label={`Start from ${preset.name}`}>
          <Paper withBorder radius="md" p="sm" h="100%">
            <Text fw={500} size="sm">
              {preset.name}
            </Text>
            <Text size="xs" c="dimmed">
              {preset.description}
            </Text>
          </Paper>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
