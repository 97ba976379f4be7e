import { Button, CloseButton, Group, Select, TextInput } from '@mantine/core';
import type { Channel } from '../../../../shared/dto';
import type { FailureReasonDto } from '../../../../shared/tracking';
import { hasChoices, isStatusGroup, NO_CHOICES, STATUS_GROUP_OPTIONS, type DeliveryChoices } from '../../lib/deliveryFilter';
import { CHANNEL_LABELS } from '../../lib/format';

interface DeliveryFiltersProps {
  choices: DeliveryChoices;
  onChange(choices: DeliveryChoices): void;
  days: number;
  channels: readonly Channel[];
  /** The failure reasons present, to pick one. */
  reasons: readonly FailureReasonDto[];
}

/** Day, channel, status and reason pickers and a search box above a broadcast's messages. */
export function DeliveryFilters({ choices, onChange, days, channels, reasons }: DeliveryFiltersProps) {
  const set = (change: Partial<DeliveryChoices>): void => onChange({ ...choices, ...change });
  const dayOptions = Array.from({ length: days }, (_, index) => ({ value: String(index + 1), label: `Day ${index + 1}` }));
  // A code found on two channels is offered once: the filter is by code.
  const reasonOptions = [...new Map(reasons.map((reason) => [reason.code, { value: reason.code, label: `${reason.reason} (${reason.code})` }])).values()];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name, phone or email"
        value={choices.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
        rightSection={choices.search ? <CloseButton size="sm" aria-label="Clear the search" onClick={() => set({ search: '' })} /> : null}
        w={210}
      />
      {days > 1 && (
        <Select
          label="Day"
          placeholder="Every day"
          data={dayOptions}
          value={choices.day === null ? null : String(choices.day)}
          onChange={(value) => set({ day: value === null ? null : Number(value) })}
          clearable
          w={120}
        />
      )}
      {channels.length > 1 && (
        <Select
          label="Channel"
          placeholder="Every channel"
          data={channels.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
          value={choices.channel}
          onChange={(value) => set({ channel: channels.find((channel) => channel === value) ?? null })}
          clearable
          w={140}
        />
      )}
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_GROUP_OPTIONS}
        value={choices.group}
        onChange={(value) => set({ group: isStatusGroup(value) ? value : null })}
        clearable
        w={220}
      />
      {reasonOptions.length > 0 && (
        <Select
          label="Why it failed"
          placeholder="Any reason"
          data={reasonOptions}
          value={choices.reason}
          onChange={(reason) => set({ reason })}
          clearable
          w={240}
          comboboxProps={{ width: 'target', position: 'bottom-start' }}
        />
      )}
      {hasChoices(choices) && (
        <Button variant="subtle" onClick={() => onChange(NO_CHOICES)}>
          Show all messages
        </Button>
      )}
    </Group>
  );
}
