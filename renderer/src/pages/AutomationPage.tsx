import { Button, Grid, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AudienceFilter } from '../../../shared/audience';
import type { AutomationDto, AutomationEdit } from '../../../shared/automations';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { AutomationAudience } from '../components/automations/AutomationAudience';
import { AutomationBasics, AutomationRules } from '../components/automations/AutomationBasics';
import { AutomationHistory } from '../components/automations/AutomationHistory';
import { AutomationMessages } from '../components/automations/AutomationMessages';
import { AutomationPreview } from '../components/automations/AutomationPreview';
import { AutomationRehearsal } from '../components/automations/AutomationRehearsal';
import { AutomationStats } from '../components/automations/AutomationStats';
import { AutomationSwitch } from '../components/automations/AutomationSwitch';
import { RetryAlert } from '../components/tracking/RetryAlert';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { editOf, sameEdit } from '../lib/automations';
import { useAutomation, useAutomations } from '../stores/automations';
import { navigate } from '../stores/navigation';
import { useSending } from '../stores/sending';
import { showToast } from '../stores/toasts';

/** One automation: its settings with a live preview, how it did, its history and, in sandbox, a rehearsal. */
export function AutomationPage({ id }: { id: number }) {
  const automation = useAutomation(id);
  const [error, setError] = useState<ApiError | null>(null);
  const fetchIt = useCallback((): void => {
    call('automations.get', { id }).then(
      (fresh) => useAutomations.getState().upsert(fresh),
      (caught: unknown) => setError(toApiError(caught)),
    );
  }, [id]);
  useEffect(fetchIt, [fetchIt]);
  const load = (): void => {
    setError(null);
    fetchIt();
  };

  const back = (
    <Button variant="default" onClick={() => navigate({ page: 'automations' })}>
      All automations
    </Button>
  );
  if (!automation) {
    return (
      <Stack gap="lg" align="flex-start">
        {error ? <RetryAlert title="This automation could not be loaded" error={error} onRetry={load} /> : <Loader aria-label="Loading the automation" />}
        {error && back}
      </Stack>
    );
  }
  return <AutomationDetail key={automation.id} automation={automation} back={back} />;
}

function AutomationDetail({ automation, back }: { automation: AutomationDto; back: React.ReactNode }) {
  const saved = editOf(automation);
  const [edit, setEdit] = useState<AutomationEdit>(saved);
  // Bumped when the form starts again from what is saved, so the audience builder does too.
  const [resets, setResets] = useState(0);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const sandbox = useSending((state) => state.sending?.live === false);
  const unsaved = !sameEdit(edit, saved);

  const change = useCallback((next: Partial<AutomationEdit>): void => setEdit((current) => ({ ...current, ...next })), []);
  const changeAudience = useCallback((audience: AudienceFilter): void => change({ audience }), [change]);

  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      const fresh = await useAutomations.getState().update(automation.id, edit);
      setEdit(editOf(fresh));
      setSaveError(null);
      showToast(`Saved “${fresh.name}”.`);
    } catch (caught) {
      setSaveError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };
  const undo = (): void => {
    setEdit(saved);
    setSaveError(null);
    setResets((count) => count + 1);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={automation.name}
        description={automation.description}
        actions={
          <Group gap="lg" align="flex-start" wrap="nowrap">
            <AutomationSwitch automation={automation} blocked={unsaved ? 'Save your changes before turning it on.' : null} />
            {back}
          </Group>
        }
      />
      <Tabs defaultValue="setup">
        <Tabs.List mb="md">
          <Tabs.Tab value="setup">Settings{unsaved ? ' •' : ''}</Tabs.Tab>
          <Tabs.Tab value="results">How it did</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
          {sandbox && <Tabs.Tab value="rehearse">Rehearse</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="setup">
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="lg">
                {saveError && !saveError.concernsAnyOf(['automation']) && <ErrorAlert error={saveError} />}
                <AutomationBasics kind={automation.kind} edit={edit} onChange={change} error={saveError} />
                <AutomationMessages edit={edit} onChange={change} error={saveError} />
                <AutomationRules edit={edit} onChange={change} error={saveError} />
                <AutomationAudience key={resets} audience={edit.audience} onChange={changeAudience} error={saveError} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }} style={{ position: 'sticky', top: 80 }}>
              <Stack gap="md">
                <AutomationPreview id={automation.id} kind={automation.kind} edit={edit} />
                <Stack gap="xs">
                  <Group gap="sm">
                    <Button onClick={() => void save()} loading={saving} disabled={!unsaved}>
                      Save changes
                    </Button>
                    <Button variant="default" onClick={undo} disabled={!unsaved || saving}>
                      Undo changes
                    </Button>
                  </Group>
                  <Text size="sm" c={saveError ? 'red' : 'dimmed'} data-testid="automation-save-state">
                    {saveError ? 'Not saved: please check the fields marked in red.' : unsaved ? 'You have unsaved changes.' : 'Everything is saved.'}
                  </Text>
                </Stack>
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <AutomationStats automation={automation} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AutomationHistory id={automation.id} kind={automation.kind} />
        </Tabs.Panel>
        {sandbox && (
          <Tabs.Panel value="rehearse">
            <AutomationRehearsal automation={automation} unsaved={unsaved} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
