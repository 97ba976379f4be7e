import { SegmentedControl, Stack, Text } from '@mantine/core';

interface ChoiceFieldProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  /** A sentence under the choice, e.g. what the picked option means. */
  description?: string;
}

/** A labelled choice between a few options, shown side by side. */
export function ChoiceField<V extends string>({ label, value, options, onChange, description }: ChoiceFieldProps<V>) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        value={value}
        onChange={(picked) => onChange(options.find((option) => option.value === picked)?.value ?? value)}
        aria-label={label}
        data={options.map((option) => ({ ...option }))}
        w="fit-content"
      />
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
    </Stack>
  );
}
