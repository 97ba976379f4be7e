import { Alert, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import type { StepDraft } from '../../../../shared/broadcasts';
import type { InputIssue } from '../../../../shared/errors';
import { stepSchedules } from '../../../../shared/step-schedule';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { useSettings } from '../../stores/settings';
import { formatSchedule } from '../broadcast/schedule';
import { SectionCard } from '../ui/SectionCard';

interface ScheduleStepProps {
  steps: StepDraft[];
  onSteps(steps: StepDraft[]): void;
  issues: readonly InputIssue[];
}

/** When each day goes out, on the salon's clock, with the times launch will really use. */
export function ScheduleStep({ steps, onSteps, issues }: ScheduleStepProps) {
  const { timeZone, quietHours } = useSettings();
  const times = stepSchedules(steps, timeZone, quietHours, new Date());
  const setSendAt = (index: number, sendAt: string | null): void =>
    onSteps(steps.map((step, i) => (i === index ? { ...step, sendAt } : step)));
  // A date or time being cleared is not a time: the last whole one stays until a new one is picked.
  const setLocal = (index: number, date: string, time: string): void => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time)) setSendAt(index, `${date}T${time}`);
  };
  const tomorrowAtTen = DateTime.now().setZone(timeZone).plus({ days: 1 }).toFormat("yyyy-MM-dd'T'10:00");

  return (
    <SectionCard title="When it goes out">
      <Text size="sm" c="dimmed">
        Times are on the salon’s clock ({timeZone}). Nothing goes out before {quietHours.start} or from {quietHours.end}{' '}
        on: a time in those hours moves to the next morning.
      </Text>
      <Stack gap="md">
        {steps.map((step, index) => {
          const schedule = times.schedules[index] ?? null;
          const problems = [...times.problems, ...issues].filter((issue) => issue.path === `steps.${index}.sendAt`);
          const [date = '', time = ''] = (step.sendAt ?? '').split('T');
          return (
            <Stack key={index} gap={6} data-testid={`schedule-day-${index + 1}`}>
              <Group gap="md" align="flex-end">
                <Text fw={600} w={60}>
                  Day {index + 1}
                </Text>
                <SegmentedControl
                  aria-label={`When Day ${index + 1} goes out`}
                  data={[
                    { value: 'default', label: index === 0 ? 'When I launch' : `${index} day${index > 1 ? 's' : ''} after Day 1, same time` },
                    { value: 'set', label: 'At a time I pick' },
                  ]}
                  value={step.sendAt === null ? 'default' : 'set'}
                  onChange={(value) => setSendAt(index, value === 'set' ? (schedule?.local ?? tomorrowAtTen) : null)}
                  styles={CLICKABLE_SEGMENTS}
                />
                {step.sendAt !== null && (
                  <>
                    <TextInput type="date" label="Date" value={date} onChange={(event) => setLocal(index, event.currentTarget.value, time)} w={170} />
                    <TextInput type="time" label="Time" value={time} onChange={(event) => setLocal(index, date, event.currentTarget.value)} w={130} />
                  </>
                )}
              </Group>
              <Text size="sm" ml={76}>
                {schedule ? `Goes out ${formatSchedule(schedule)}` : 'Goes out as soon as you launch'}
              </Text>
              {schedule?.note && (
                <Alert color="yellow" p="xs" ml={76}>
                  <Text size="sm">{schedule.note}.</Text>
                </Alert>
              )}
              {problems.map((problem) => (
                <Text key={problem.message} size="sm" c="red" ml={76}>
                  {problem.message}
                </Text>
              ))}
            </Stack>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
