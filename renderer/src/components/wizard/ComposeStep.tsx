import { Button, Grid, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { emptyStep, MAX_STEPS, TYPE_CHANNELS, type BroadcastDraft, type StepDraft } from '../../../../shared/broadcasts';
import type { InputIssue } from '../../../../shared/errors';
import type { TemplateChannel } from '../../../../shared/templates';
import { useCall } from '../../hooks/useCall';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { SectionCard } from '../ui/SectionCard';
import { EmailEditor } from './EmailEditor';
import { PreviewPanel } from './PreviewPanel';
import { PushEditor } from './PushEditor';
import { SmsEditor } from './SmsEditor';
import { issueAt } from './stepIssues';
import { TemplateActions } from './TemplateActions';

const CHANNEL_TITLES: Record<TemplateChannel, string> = { sms: 'Text message', email: 'Email', push: 'App notification' };

interface ComposeStepProps {
  draft: BroadcastDraft;
  sequence: boolean;
  /** The step being edited (0 = Day 1). */
  day: number;
  onDay(day: number): void;
  onSteps(steps: StepDraft[]): void;
  /** Problems found by the last review, shown on their fields. */
  issues: readonly InputIssue[];
}

/** Each day's content, per channel of the broadcast's type, beside a preview as sent. */
export function ComposeStep({ draft, sequence, day, onDay, onSteps, issues }: ComposeStepProps) {
  const customFields = useCall('customFields.list', {}).data ?? [];
  const index = Math.min(day, draft.steps.length - 1);
  const step = draft.steps[index] ?? emptyStep();
  const path = `steps.${index}`;
  const setStep = (change: Partial<StepDraft>): void => onSteps(draft.steps.map((current, i) => (i === index ? { ...current, ...change } : current)));

  const addDay = (): void => {
    onSteps([...draft.steps, { ...emptyStep(), sms: { ...emptyStep().sms, optOutLine: step.sms.optOutLine } }]);
    onDay(draft.steps.length);
  };
  const removeDay = (): void => {
    onSteps(draft.steps.filter((_, i) => i !== index));
    onDay(Math.max(0, index - 1));
  };
  const move = (by: -1 | 1): void => {
    const steps = [...draft.steps];
    const [moved] = steps.splice(index, 1);
    if (!moved) return;
    steps.splice(index + by, 0, moved);
    onSteps(steps);
    onDay(index + by);
  };

  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          {sequence && (
            <Group justify="space-between">
              <SegmentedControl
                aria-label="Day"
                data={draft.steps.map((_, i) => ({ value: String(i), label: `Day ${i + 1}` }))}
                value={String(index)}
                onChange={(value) => onDay(Number(value))}
                styles={CLICKABLE_SEGMENTS}
              />
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={index === 0} onClick={() => move(-1)}>
                  Move earlier
                </Button>
                <Button size="xs" variant="default" disabled={index === draft.steps.length - 1} onClick={() => move(1)}>
                  Move later
                </Button>
                <Button size="xs" variant="default" color="red" disabled={draft.steps.length === 1} onClick={removeDay}>
                  Remove Day {index + 1}
                </Button>
                <Button size="xs" disabled={draft.steps.length >= MAX_STEPS} onClick={addDay}>
                  Add a day
                </Button>
              </Group>
            </Group>
          )}
          {TYPE_CHANNELS[draft.type].map((channel) => (
            <SectionCard key={channel} title={sequence ? `Day ${index + 1}: ${CHANNEL_TITLES[channel]}` : CHANNEL_TITLES[channel]}>
              <TemplateActions channel={channel} step={step} onUse={setStep} />
              {channel === 'sms' && (
                <SmsEditor value={step.sms} onChange={(sms) => setStep({ sms })} error={issueAt(issues, `${path}.sms.body`)} customFields={customFields} />
              )}
              {channel === 'email' && (
                <EmailEditor
                  value={step.email}
                  onChange={(email) => setStep({ email })}
                  errors={{ subject: issueAt(issues, `${path}.email.subject`), body: issueAt(issues, `${path}.email.body`) }}
                  customFields={customFields}
                />
              )}
              {channel === 'push' && (
                <PushEditor
                  value={step.push}
                  onChange={(push) => setStep({ push })}
                  errors={{ title: issueAt(issues, `${path}.push.title`), body: issueAt(issues, `${path}.push.body`), url: issueAt(issues, `${path}.push.url`) }}
                  customFields={customFields}
                />
              )}
            </SectionCard>
          ))}
          {draft.type === 'push' && (
            <Text size="sm" c="dimmed">
              App notifications reach clients who allowed them on your website. Until web push is set up in Settings,
              nobody can get them yet.
            </Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }} style={{ position: 'sticky', top: 80 }}>
        <PreviewPanel type={draft.type} step={step} audience={draft.audience.filter} />
      </Grid.Col>
    </Grid>
  );
}
