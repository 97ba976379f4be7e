import { Alert, Radio, SegmentedControl, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportConsent, MergeRule } from '../../../../shared/imports';
import { useCall } from '../../hooks/useCall';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { countOf } from '../../lib/format';
import { isConsentTarget, useImport, usePreviewTable } from '../../stores/importWizard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FileCountryAndNames } from './FileCountryAndNames';
import { WizardButtons } from './WizardButtons';

const MERGE_RULES: Array<{ value: MergeRule; label: string; description: string }> = [
  {
    value: 'fill_empty',
    label: 'Keep what I have, fill in the gaps (recommended)',
    description: 'When a client is already in your list (same mobile number or email), their details stay as they are; the file only fills in what is missing.',
  },
  {
    value: 'overwrite',
    label: 'Update them from the file',
    description: 'When a client is already in your list, the details in the file replace theirs.',
  },
  {
    value: 'skip',
    label: 'Leave them alone',
    description: 'Clients already in your list are skipped; only new clients are added.',
  },
];

const AGREED_OPTIONS = [
  { value: 'granted', label: 'They agreed' },
  { value: 'unknown', label: 'Not stated' },
];

/** Step 4: what to do with clients already in the list, what the clients agreed to, and tags for everyone. */
export function ImportOptionsStep() {
  const options = useImport((state) => state.options);
  const hasConsentColumn = useImport((state) => state.mapping.some(isConsentTarget));
  const error = useImport((state) => state.error);
  const table = usePreviewTable();
  const { setOptions, goTo, start } = useImport.getState();
  const tags = useCall('tags.list', {});
  const [starting, setStarting] = useState(false);
  const [sourceMissing, setSourceMissing] = useState(false);
  const { consent } = options;
  const anyAgreed = consent.sms === 'granted' || consent.email === 'granted';
  const setConsent = (change: Partial<ImportConsent>) => setOptions({ consent: { ...consent, ...change } });

  const begin = async (): Promise<void> => {
    if (anyAgreed && consent.source.trim().length < 3) {
      setSourceMissing(true);
      return;
    }
    setStarting(true);
    await start();
    setStarting(false);
  };

  return (
    <Stack gap="lg" maw={720}>
      <ErrorAlert error={error} />
      <FileCountryAndNames />
      <Stack gap="xs">
        <Title order={4}>Clients already in your list</Title>
        <Radio.Group value={options.mergeRule} onChange={(value) => setOptions({ mergeRule: MERGE_RULES.find((rule) => rule.value === value)?.value ?? 'fill_empty' })}>
          <Stack gap="sm">
            {MERGE_RULES.map((rule) => (
              <Radio key={rule.value} value={rule.value} label={rule.label} description={rule.description} />
            ))}
          </Stack>
        </Radio.Group>
      </Stack>

      <Stack gap="xs">
        <Title order={4}>What did these clients agree to?</Title>
        <Text size="sm" c="dimmed">
          Only clients who agreed get marketing texts or emails. Say “They agreed” only if every client in this file
          did. A client who opted out stays opted out, whatever you choose here.
        </Text>
        {hasConsentColumn && (
          <Text size="sm" data-testid="consent-column-note">
            Your file has its own consent column: each client’s answer there comes first. This choice is for the
            clients it says nothing about.
          </Text>
        )}
        <ConsentChoice label="Texts" value={consent.sms} onChange={(sms) => setConsent({ sms })} />
        <ConsentChoice label="Emails" value={consent.email} onChange={(email) => setConsent({ email })} />
        {anyAgreed ? (
          <TextInput
            label="Where did they agree?"
            description="Kept in each client’s consent history, in case anyone asks."
            placeholder="e.g. Agreed to texts when booking on Fresha"
            withAsterisk
            value={consent.source}
            onChange={(event) => {
              setConsent({ source: event.currentTarget.value });
              setSourceMissing(false);
            }}
            error={sourceMissing ? 'Say where they agreed, e.g. “Agreed to texts when booking on Fresha”.' : error?.issueFor('consent.source')}
          />
        ) : (
          <Alert color="gray" variant="light">
            These clients will be added without consent, so they will not get marketing texts or emails until you
            record that they agreed.
          </Alert>
        )}
      </Stack>

      <TagsInput
        label="Tag everyone in this file (optional)"
        description="Handy to find them later, e.g. “Imported from Fresha”. Press Enter after each tag."
        data={tags.data?.map(({ name }) => name) ?? []}
        value={options.tags}
        onChange={(chosen) => setOptions({ tags: chosen })}
        error={error?.issueFor('tags')}
        clearable
      />

      <WizardButtons
        back={{ label: 'Back', onClick: () => goTo('columns') }}
        next={{ label: table ? `Import ${countOf(table.totalRows, 'row')}` : 'Import', onClick: () => void begin(), loading: starting }}
      />
    </Stack>
  );
}

function ConsentChoice({ label, value, onChange }: { label: string; value: 'granted' | 'unknown'; onChange(value: 'granted' | 'unknown'): void }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        data={AGREED_OPTIONS}
        value={value}
        onChange={(picked) => onChange(picked === 'granted' ? 'granted' : 'unknown')}
        aria-label={`${label}: did they agree?`}
        w="fit-content"
        styles={CLICKABLE_SEGMENTS}
      />
    </Stack>
  );
}
