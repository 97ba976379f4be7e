import { Group, MultiSelect, NumberInput, Select, TagsInput, Text, TextInput } from '@mantine/core';
import { CONSENT_STATUSES } from '../../../../shared/contacts';
import type { DraftCondition } from '../../lib/audienceDraft';
import type { FieldKind } from '../../lib/audienceFields';
import { CONSENT_STATUS_LABELS } from '../../lib/consent';
import { currencySymbol, typedDigits } from '../../lib/money';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { useBuilder } from './builderContext';

interface ConditionValueProps {
  condition: DraftCondition;
  kind: FieldKind;
  onChange(change: Partial<Pick<DraftCondition, 'value' | 'value2' | 'list'>>): void;
}

const MONTHS = Array.from({ length: 12 }, (_, index) => ({
  value: String(index + 1),
  label: new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, index, 1))),
}));
const CONSENT_OPTIONS = CONSENT_STATUSES.map((status) => ({ value: status, label: CONSENT_STATUS_LABELS[status] }));
const WIDE = { flex: 1, miw: 160 } as const;

/** The value part of a condition, shaped by the field's kind and the operator. */
export function ConditionValue({ condition, kind, onChange }: ConditionValueProps) {
  const { op } = condition;
  const { tags } = useBuilder();
  const { money: salonMoney } = useSalonFormat();

  switch (kind) {
    case 'text':
      if (op === 'is_empty' || op === 'is_not_empty') return null;
      if (op === 'is_any_of') {
        return (
          <TagsInput
            aria-label="Values"
            placeholder="Type a value, press Enter"
            value={condition.list}
            onChange={(list) => onChange({ list })}
            {...WIDE}
          />
        );
      }
      return <TextInput aria-label="Value" value={condition.value} onChange={(event) => onChange({ value: event.currentTarget.value })} {...WIDE} />;
    case 'number': {
      const money = condition.field === 'totalSpentCents';
      const input = (which: 'value' | 'value2', label: string) => (
        <NumberInput
          aria-label={label}
          value={condition[which]}
          onChange={(number) => onChange({ [which]: String(number) })}
          prefix={money ? currencySymbol(salonMoney) : undefined}
          decimalScale={money ? typedDigits(salonMoney.currency) : 0}
          allowNegative={false}
          thousandSeparator=","
          w={130}
        />
      );
      return op === 'between' ? (
        <Group gap={6} wrap="nowrap">
          {input('value', 'From')}
          <Text size="sm">and</Text>
          {input('value2', 'To')}
        </Group>
      ) : (
        input('value', 'Value')
      );
    }
    case 'date': {
      if (op === 'is_empty') return null;
      if (op === 'more_than_days_ago' || op === 'within_last_days') {
        return (
          <Group gap={6} wrap="nowrap">
            <NumberInput aria-label="Days" value={condition.value} onChange={(days) => onChange({ value: String(days) })} allowNegative={false} allowDecimal={false} w={100} />
            <Text size="sm">days</Text>
          </Group>
        );
      }
      const date = (which: 'value' | 'value2', label: string) => (
        <TextInput type="date" aria-label={label} value={condition[which]} onChange={(event) => onChange({ [which]: event.currentTarget.value })} w={160} />
      );
      return op === 'between' ? (
        <Group gap={6} wrap="nowrap">
          {date('value', 'From')}
          <Text size="sm">and</Text>
          {date('value2', 'To')}
        </Group>
      ) : (
        date('value', 'Date')
      );
    }
    case 'birthday':
      if (op !== 'in_month') return null;
      return <Select aria-label="Month" placeholder="Month" data={MONTHS} value={condition.value || null} onChange={(month) => onChange({ value: month ?? '' })} w={150} />;
    case 'tags':
      return (
        <MultiSelect
          aria-label="Tags"
          placeholder={tags.length === 0 ? 'You have no tags yet' : 'Pick tags'}
          data={[...new Set([...tags, ...condition.list])]}
          value={condition.list}
          onChange={(list) => onChange({ list })}
          searchable
          {...WIDE}
        />
      );
    case 'consent':
      return <Select aria-label="Consent" data={CONSENT_OPTIONS} value={condition.value} onChange={(value) => value && onChange({ value })} allowDeselect={false} w={150} />;
  }
}
