import { Button, Paper, Stack, Stepper } from '@mantine/core';
import { ChooseFileStep } from '../components/import/ChooseFileStep';
import { CheckFileStep } from '../components/import/CheckFileStep';
import { ImportOptionsStep } from '../components/import/ImportOptionsStep';
import { ImportProgressStep } from '../components/import/ImportProgressStep';
import { MatchColumnsStep } from '../components/import/MatchColumnsStep';
import { WatchedFileCard } from '../components/import/WatchedFileCard';
import { PageHeader } from '../components/ui/PageHeader';
import { useImport, type ImportStep } from '../stores/importWizard';
import { navigate } from '../stores/navigation';

const STEPS: Array<{ step: ImportStep; label: string }> = [
  { step: 'file', label: 'Choose a file' },
  { step: 'check', label: 'Check the file' },
  { step: 'columns', label: 'Match columns' },
  { step: 'options', label: 'Consent and duplicates' },
  { step: 'import', label: 'Import' },
];

export function ImportPage() {
  const step = useImport((state) => state.step);
  const job = useImport((state) => state.job);
  const active = STEPS.findIndex((entry) => entry.step === step);
  const finished = job?.status === 'completed';
  // Earlier steps can be revisited until the import has started.
  const canGoBackTo = (index: number) => index < active && step !== 'import';

  return (
    <Stack gap="lg">
      <PageHeader
        title="Import clients"
        description="Bring in your client list from a CSV file, e.g. an export from your booking system."
        actions={
          <Button variant="default" onClick={() => navigate({ page: 'contacts' })}>
            Back to contacts
          </Button>
        }
      />
      <Paper withBorder radius="md" p="lg">
        <Stepper
          active={finished ? STEPS.length : active}
          onStepClick={(index) => {
            const target = STEPS[index];
            if (target && canGoBackTo(index)) useImport.getState().goTo(target.step);
          }}
          size="sm"
          mb="lg"
        >
          {STEPS.map((entry, index) => (
            <Stepper.Step key={entry.step} label={entry.label} allowStepSelect={canGoBackTo(index)} />
          ))}
        </Stepper>
        <CurrentStep step={step} />
      </Paper>
      <WatchedFileCard />
    </Stack>
  );
}

function CurrentStep({ step }: { step: ImportStep }) {
  switch (step) {
    case 'file':
      return <ChooseFileStep />;
    case 'check':
      return <CheckFileStep />;
    case 'columns':
      return <MatchColumnsStep />;
    case 'options':
      return <ImportOptionsStep />;
    case 'import':
      return <ImportProgressStep />;
  }
}
