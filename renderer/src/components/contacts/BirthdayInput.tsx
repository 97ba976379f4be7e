import { Group, Input, Select, TextInput } from '@mantine/core';
import type { BirthdayDraft } from '../../lib/contactDraft';

const MONTHS = Array.from({ length: 12 }, (_, index) => ({
  value: String(index + 1),
  label: new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, index, 1))),
}));
const daysIn = (month: string): number => (month ? new Date(Date.UTC(2000, Number(month), 0)).getUTCDate() : 31);

interface BirthdayInputProps {
  value: BirthdayDraft;
  onChange(value: BirthdayDraft): void;
  error?: string;
}

/** Day and month, and the year only if the owner knows it. */
export function BirthdayInput({ value, onChange, error }: BirthdayInputProps) {
  const days = Array.from({ length: daysIn(value.month) }, (_, index) => String(index + 1));
  const edit = (change: Partial<BirthdayDraft>) => onChange({ ...value, ...change });
  return (
    <Input.Wrapper label="Birthday" description="The year is optional." error={error} labelElement="div">
      <Group gap="xs" wrap="nowrap" mt={4}>
        <Select
          aria-label="Birthday month"
          placeholder="Month"
          data={MONTHS}
          value={value.month || null}
          onChange={(month) => edit({ month: month ?? '', day: Number(value.day) > daysIn(month ?? '') ? '' : value.day })}
          clearable
          w={140}
          error={Boolean(error)}
        />
        <Select
          aria-label="Birthday day"
          placeholder="Day"
          data={days}
          value={value.day || null}
          onChange={(day) => edit({ day: day ?? '' })}
          clearable
          w={90}
          error={Boolean(error)}
        />
        <TextInput
          aria-label="Birthday year"
          placeholder="Year"
          inputMode="numeric"
          maxLength={4}
          value={value.year}
          onChange={(event) => edit({ year: event.currentTarget.value.replace(/\D/g, '') })}
          w={80}
          error={Boolean(error)}
        />
      </Group>
    </Input.Wrapper>
  );
}
