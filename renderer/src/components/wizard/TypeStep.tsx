import { Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { BROADCAST_TYPES, type BroadcastDraft, type BroadcastType } from '../../../../shared/broadcasts';
import { TYPE_LABELS } from '../../lib/broadcastTypes';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { SectionCard } from '../ui/SectionCard';

const TYPE_HINTS: Record<BroadcastType, string> = {
  sms: 'Short and read within minutes. Each text costs money: the review shows how much.',
  email: 'Longer news with formatting. Your salon’s name and address go at the bottom.',
  sms_email: 'A text to clients who agreed to texts and an email to those who agreed to email.',
  push: 'A notification to clients who allowed them on your website.',
};

interface TypeStepProps {
  draft: BroadcastDraft;
  sequence: boolean;
  nameError: string | undefined;
  onChange(change: Partial<BroadcastDraft>): void;
  onSequence(sequence: boolean): void;
}

export function TypeStep({ draft, sequence, nameError, onChange, onSequence }: TypeStepProps) {
  return (
    <SectionCard title="What are you sending?">
      <Stack gap="md" maw={640}>
        <TextInput
          label="Broadcast name"
          description="Only you see this, e.g. “June offers”."
          withAsterisk
          value={draft.name}
          onChange={(event) => onChange({ name: event.currentTarget.value })}
          error={nameError}
        />
        <Input.Wrapper label="Send by" labelElement="div" description={TYPE_HINTS[draft.type]} inputWrapperOrder={['label', 'input', 'description']}>
          <div>
            <SegmentedControl
              aria-label="Send by"
              data={BROADCAST_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }))}
              value={draft.type}
              onChange={(type) => onChange({ type: type as BroadcastType })}
              styles={CLICKABLE_SEGMENTS}
            />
          </div>
        </Input.Wrapper>
        <Input.Wrapper label="How many messages" labelElement="div">
          <div>
            <SegmentedControl
              aria-label="How many messages"
              data={[
                { value: 'one', label: 'One message', disabled: draft.steps.length > 1 },
                { value: 'sequence', label: 'A sequence over several days' },
              ]}
              value={sequence ? 'sequence' : 'one'}
              onChange={(value) => onSequence(value === 'sequence')}
              styles={CLICKABLE_SEGMENTS}
            />
          </div>
        </Input.Wrapper>
        {sequence && (
          <Text size="sm" c="dimmed">
            {draft.steps.length > 1
              ? `${draft.steps.length} days planned. To go back to one message, remove the later days when composing.`
              : 'Day 2 and later go out at the same time of day as Day 1, unless you pick another time.'}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
