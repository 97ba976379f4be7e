import { Group, Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import type { When } from './schedule';

const WHEN_OPTIONS = [
  { value: 'now', label: 'Send now' },
  { value: 'later', label: 'Schedule for later' },
];

interface WhenPickerProps {
  value: When;
  onChange(change: Partial<When>): void;
  /** The salon's time zone, e.g. America/Chicago: the date and time are on its clock. */
  zone: string;
  error: string | undefined;
}

/** "When": straight away, or a date and a time on the salon's clock. */
export function WhenPicker({ value, onChange, zone, error }: WhenPickerProps) {
  return (
    <Stack gap="xs">
      <Input.Wrapper label="When" labelElement="div">
        <div>
          <SegmentedControl
            data={WHEN_OPTIONS}
            value={value.later ? 'later' : 'now'}
            onChange={(choice) => onChange({ later: choice === 'later' })}
            aria-label="When"
            styles={CLICKABLE_SEGMENTS}
          />
        </div>
      </Input.Wrapper>
      {value.later && (
        <>
          <Group gap="sm" align="flex-start">
            <TextInput
              type="date"
              label="Date"
              value={value.date}
              onChange={(event) => onChange({ date: event.currentTarget.value })}
              error={error}
              w={180}
            />
            <TextInput
              type="time"
              label="Time"
              value={value.time}
              onChange={(event) => onChange({ time: event.currentTarget.value })}
              error={Boolean(error)}
              w={140}
            />
          </Group>
          <Text size="sm" c="dimmed">
            On the salon’s clock ({zone}). Nothing goes out between 21:00 and 08:00: a time in those hours moves to
            08:00.
          </Text>
        </>
      )}
    </Stack>
  );
}
