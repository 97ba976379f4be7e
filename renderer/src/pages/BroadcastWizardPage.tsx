import { Alert, Button, Group, Loader, Stack, Stepper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { emptyDraft, type BroadcastDraft } from '../../../shared/broadcasts';
import type { BroadcastDto } from '../../../shared/dto';
import type { InputIssue } from '../../../shared/errors';
import { toApiError, type ApiError } from '../api/ApiError';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { AudienceStep } from '../components/wizard/AudienceStep';
import { ComposeStep } from '../components/wizard/ComposeStep';
import { ReachStrip } from '../components/wizard/ReachStrip';
import { ReviewStep } from '../components/wizard/ReviewStep';
import { SaveIndicator } from '../components/wizard/SaveIndicator';
import { ScheduleStep } from '../components/wizard/ScheduleStep';
import { TypeStep } from '../components/wizard/TypeStep';
import { readLocalCopy, useDraftAutosave } from '../components/wizard/useDraftAutosave';
import { useAudienceSummary } from '../hooks/useAudienceSummary';
import { navigate } from '../stores/navigation';

const STEPS = ['Type', 'Audience', 'Compose', 'Schedule', 'Review'] as const;

interface Stored {
  id: number | undefined;
  draft: BroadcastDraft;
}

function draftOf({ name, type, audience, steps }: BroadcastDto): BroadcastDraft {
  return { name, type, audience, steps: steps.map(({ sms, email, push, sendAt }) => ({ sms, email, push, sendAt })) };
}

/** The broadcast wizard, on a new draft or a saved one. A broadcast already launched opens its own page. */
export function BroadcastWizardPage({ id }: { id?: number }) {
  const [stored, setStored] = useState<Stored | null>(id === undefined ? { id, draft: emptyDraft() } : null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (id === undefined) return;
    call('broadcasts.get', { id }).then(
      (broadcast) => (broadcast.status === 'draft' ? setStored({ id, draft: draftOf(broadcast) }) : navigate({ page: 'broadcast', id })),
      (caught: unknown) => setError(toApiError(caught)),
    );
  }, [id]);
  if (error) return <ErrorAlert error={error} />;
  if (!stored) return <Loader aria-label="Opening the draft" />;
  return <Wizard stored={stored} />;
}

function Wizard({ stored }: { stored: Stored }) {
  const [draft, setDraft] = useState<BroadcastDraft>(() => readLocalCopy(stored.id) ?? stored.draft);
  const [sequence, setSequence] = useState(draft.steps.length > 1);
  const [active, setActive] = useState(0);
  const [day, setDay] = useState(0);
  const [nameMissing, setNameMissing] = useState(false);
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const autosave = useDraftAutosave(draft, stored);
  const reach = useAudienceSummary(draft.audience.filter);
  const edit = (change: Partial<BroadcastDraft>): void => setDraft((current) => ({ ...current, ...change }));

  const goTo = (step: number): void => {
    if (step > 0 && draft.name.trim() === '') {
      setNameMissing(true);
      setActive(0);
      return;
    }
    setActive(step);
  };
  /** From a problem in the review to the step and day where it can be fixed. */
  const fix = (path: string): void => {
    const [first, index, field] = path.split('.');
    if (first === 'name') return setActive(0);
    if (first === 'audience') return setActive(1);
    setDay(Number(index) || 0);
    setActive(field === 'sendAt' ? 3 : 2);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={draft.name.trim() || 'New broadcast'}
        description="Saved as you go: you can leave and come back to it from Broadcasts."
        actions={<SaveIndicator autosave={autosave} />}
      />
      <Stepper active={active} onStepClick={goTo} size="sm" allowNextStepsSelect>
        {STEPS.map((label) => (
          <Stepper.Step key={label} label={label} />
        ))}
      </Stepper>
      {active >= 2 && <ReachStrip summary={reach} type={draft.type} />}
      {active === 0 && (
        <TypeStep
          draft={draft}
          sequence={sequence}
          nameError={nameMissing && draft.name.trim() === '' ? 'Give the broadcast a name' : undefined}
          onChange={edit}
          onSequence={setSequence}
        />
      )}
      {active === 1 && <AudienceStep audience={draft.audience} summary={reach} onChange={(audience) => edit({ audience })} />}
      {active === 2 && (
        <ComposeStep
          draft={draft}
          sequence={sequence}
          day={day}
          onDay={setDay}
          onSteps={(steps) => edit({ steps })}
          issues={issues}
        />
      )}
      {active === 3 && <ScheduleStep steps={draft.steps} onSteps={(steps) => edit({ steps })} issues={issues} />}
      {active === 4 && <ReviewStep draft={draft} autosave={autosave} onReviewed={setIssues} onFix={fix} />}
      {autosave.status === 'failed' && (
        <Alert color="yellow" title="Not saved yet">
          <Text size="sm">
            {autosave.error?.message} Your changes are kept on this computer and saved as soon as Salon Broadcast
            answers again.
          </Text>
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" disabled={active === 0} onClick={() => setActive(active - 1)}>
          Back
        </Button>
        {active < STEPS.length - 1 && <Button onClick={() => goTo(active + 1)}>Next: {STEPS[active + 1]}</Button>}
      </Group>
    </Stack>
  );
}
