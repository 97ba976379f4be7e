import { Anchor, Collapse, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { StepDto } from '../../../../shared/broadcasts';
import type { BroadcastDto } from '../../../../shared/dto';
import { formatDateTime } from '../../lib/format';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { MessagePreview } from './MessagePreview';
import { SectionCard } from '../ui/SectionCard';
import { contentLines, stepTimeWords } from './steps';

/** Every step of a broadcast, in order: when it goes (or went) out, why a time moved, and what it says. */
export function StepTimeline({ broadcast }: { broadcast: BroadcastDto }) {
  const title = broadcast.steps.length > 1 ? `Messages (${broadcast.steps.length} steps)` : 'Message';
  return (
    <SectionCard title={title}>
      <Timeline bulletSize={24} lineWidth={2} data-testid="step-timeline">
        {broadcast.steps.map((step) => (
          <Timeline.Item
            key={step.day}
            bullet={
              <Text size="xs" fw={700}>
                {step.day}
              </Text>
            }
          >
            <StepItem broadcast={broadcast} step={step} />
          </Timeline.Item>
        ))}
      </Timeline>
    </SectionCard>
  );
}

function StepItem({ broadcast, step }: { broadcast: BroadcastDto; step: StepDto }) {
  const { timeZone, locale } = useSalonFormat();
  const [open, setOpen] = useState(false);
  const launched = broadcast.launchedAt !== null;
  const straightAway = launched && step.schedule === null;

  return (
    <Stack gap={4} data-testid={`step-${step.day}`}>
      <Text fw={600}>
        Day {step.day} — {stepTimeWords(step, launched, timeZone)}
      </Text>
      {straightAway && broadcast.launchedAt && (
        <Text size="sm" c="dimmed">
          Sent when launched, {formatDateTime(broadcast.launchedAt, timeZone, locale)}.
        </Text>
      )}
      {step.schedule?.note && (
        <Text size="sm" c="dimmed">
          {step.schedule.note}.
        </Text>
      )}
      {contentLines(broadcast.type, step).map(({ label, text }) => (
        <Group key={label} gap={6} wrap="nowrap" align="baseline">
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            {label}:
          </Text>
          <Text size="sm" lineClamp={1} c={text ? undefined : 'dimmed'} fs={text ? undefined : 'italic'}>
            {text || 'Not written yet'}
          </Text>
        </Group>
      ))}
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen((shown) => !shown)} aria-expanded={open}>
        {open ? 'Hide the message' : 'Show the whole message'}
      </Anchor>
      <Collapse expanded={open} keepMounted={false}>
        <MessagePreview type={broadcast.type} step={step} />
      </Collapse>
    </Stack>
  );
}
