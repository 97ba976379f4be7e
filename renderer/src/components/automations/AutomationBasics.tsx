import { Checkbox as MantineCheckbox, Group, NumberInput, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AUTOMATION_DAYS_MEANING, AUTOMATION_TYPES, type AutomationEdit, type AutomationKind } from '../../../../shared/automations';
import type { ApiError } from '../../api/ApiError';
import { AUTOMATION_TYPE_LABELS } from '../../lib/automations';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { SectionCard } from '../ui/SectionCard';

const DEFAULT_TIME = '10:00';
const isType = (value: string): value is AutomationEdit['type'] => AUTOMATION_TYPES.some((type) => type === value);

interface EditProps {
  edit: AutomationEdit;
  onChange(change: Partial<AutomationEdit>): void;
  /** The last save's problems, on their fields ("automation.days"). */
  error: ApiError | null;
}

/** Its name, how it reaches clients, and when: the number of days with what they count from, and the time of day. */
export function AutomationBasics({ kind, edit, onChange, error }: EditProps & { kind: AutomationKind }) {
  // The time picked last, for when the owner goes back from "as soon as it is due".
  const [lastTime, setLastTime] = useState(edit.sendTime ?? DEFAULT_TIME);
  const issue = (field: string) => error?.issueFor(`automation.${field}`);
  const welcome = kind === 'welcome';

  return (
    <SectionCard title="What and when">
      <TextInput
        label="Name"
        description="Only you see it."
        value={edit.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={issue('name')}
        maw={420}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="automation-type">
          Send it by
        </Text>
        <SegmentedControl
          aria-labelledby="automation-type"
          data={AUTOMATION_TYPES.map((type) => ({ value: type, label: AUTOMATION_TYPE_LABELS[type] }))}
          value={edit.type}
          onChange={(value) => isType(value) && onChange({ type: value })}
          styles={CLICKABLE_SEGMENTS}
          w="fit-content"
        />
        <Text size="xs" c="dimmed">
          Each client gets it only on the channels they agreed to.
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="automation-days">
          When
        </Text>
        <Group gap="xs" align="center" wrap="nowrap">
          <DaysInput
            aria-labelledby="automation-days"
            aria-describedby="automation-days-meaning"
            min={0}
            value={edit.days}
            onChange={(days) => onChange({ days })}
            error={issue('days')}
          />
          <Text id="automation-days-meaning">{AUTOMATION_DAYS_MEANING[kind]}</Text>
        </Group>
        {welcome && edit.days === 0 && (
          <Text size="xs" c="dimmed">
            0: the day the client is added.
          </Text>
        )}
      </Stack>
      <Radio.Group
        label="Time of day"
        description="On your salon’s clock. Nothing goes out in quiet hours: a message due then waits until they end."
        value={edit.sendTime === null ? 'due' : 'time'}
        onChange={(value) => onChange({ sendTime: value === 'due' ? null : lastTime })}
        error={issue('sendTime')}
      >
        <Stack gap="xs" mt="xs">
          <Group gap="sm" align="center">
            <Radio value="time" label="At" />
            <TextInput
              type="time"
              aria-label="Send time"
              value={edit.sendTime ?? lastTime}
              disabled={edit.sendTime === null}
              onChange={(event) => {
                const time = event.currentTarget.value;
                setLastTime(time);
                onChange({ sendTime: time });
              }}
              w={130}
            />
          </Group>
          <Radio value="due" label="As soon as it is due" />
        </Stack>
      </Radio.Group>
    </SectionCard>
  );
}

/** The salon's own rules: the weekly limit, a booked appointment, a recent visit. */
export function AutomationRules({ edit, onChange, error }: EditProps) {
  const [lastDays, setLastDays] = useState(edit.skipIfVisitedWithinDays ?? 14);
  const visitedRule = edit.skipIfVisitedWithinDays !== null;
  return (
    <SectionCard title="Rules">
      <Checkbox
        label="Leave it out of the weekly limit of messages per client"
        description="It neither counts toward the limit nor is held back by it. You set the limit in Settings → Costs & limits."
        checked={edit.exemptFromCap}
        onChange={(exemptFromCap) => onChange({ exemptFromCap })}
      />
      <Checkbox
        label="Skip clients who already have an appointment booked"
        checked={edit.skipIfBooked}
        onChange={(skipIfBooked) => onChange({ skipIfBooked })}
      />
      <Group gap="xs" align="center" wrap="nowrap">
        <Checkbox
          label="Skip clients who visited in the last"
          checked={visitedRule}
          onChange={(on) => onChange({ skipIfVisitedWithinDays: on ? lastDays : null })}
        />
        <DaysInput
          aria-label="Days since the last visit"
          min={1}
          disabled={!visitedRule}
          value={edit.skipIfVisitedWithinDays ?? lastDays}
          onChange={(days) => {
            setLastDays(days);
            onChange({ skipIfVisitedWithinDays: days });
          }}
          error={error?.issueFor('automation.skipIfVisitedWithinDays')}
        />
        <Text>days</Text>
      </Group>
    </SectionCard>
  );
}

function Checkbox({ label, description, checked, onChange }: { label: string; description?: string; checked: boolean; onChange(checked: boolean): void }) {
  return <MantineCheckbox label={label} description={description} checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />;
}

interface DaysInputProps {
  value: number;
  onChange(days: number): void;
  min: number;
  error: string | undefined;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
}

/** A whole number of days; while the box is emptied to type another, the form keeps the last number. */
function DaysInput({ value, onChange, min, error, disabled, ...aria }: DaysInputProps) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <NumberInput
      {...aria}
      min={min}
      max={365}
      allowDecimal={false}
      allowNegative={false}
      disabled={disabled}
      value={typed ?? value}
      onChange={(next) => {
        if (typeof next === 'number') {
          setTyped(null);
          onChange(next);
        } else setTyped(next);
      }}
      onBlur={() => setTyped(null)}
      error={error}
      w={90}
    />
  );
}
