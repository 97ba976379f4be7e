import { Box, Button, Grid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { EVERYONE, type AudiencePreset } from '../../../shared/audience';
import type { SegmentDto } from '../../../shared/dto';
import type { InputIssue } from '../../../shared/errors';
import { toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { AudienceSummaryPanel } from '../components/audience/AudienceSummaryPanel';
import { BuilderContext } from '../components/audience/builderContext';
import { GroupEditor } from '../components/audience/GroupEditor';
import { PresetPicker } from '../components/audience/PresetPicker';
import { SaveSegmentForm } from '../components/audience/SaveSegmentForm';
import { SegmentList } from '../components/audience/SegmentList';
import { ConfirmModal } from '../components/ui/ConfirmModal';
import { PageHeader } from '../components/ui/PageHeader';
import { SectionCard } from '../components/ui/SectionCard';
import { useAudienceBuilder } from '../hooks/useAudienceBuilder';
import { useCall } from '../hooks/useCall';
import { useDialog } from '../hooks/useDialog';
import { fromFilter, newGroup, type DraftGroup } from '../lib/audienceDraft';
import { showToast } from '../stores/toasts';

/** Where the conditions being edited came from. */
interface Editing {
  /** The saved segment being changed, if any. */
  segment: SegmentDto | null;
  /** The preset it started from, for the name offered when saving. */
  preset: AudiencePreset | null;
  /** Bumped whenever a new audience is loaded, to start the save form afresh. */
  loads: number;
}

export function AudiencesPage() {
  const [editing, setEditing] = useState<Editing>({ segment: null, preset: null, loads: 0 });
  const [saveIssues, setSaveIssues] = useState<readonly InputIssue[]>([]);
  const [segmentsVersion, setSegmentsVersion] = useState(0);
  const segments = useCall('segments.list', {}, segmentsVersion);
  const confirmDelete = useDialog<SegmentDto>();
  const [deleting, setDeleting] = useState(false);
  const audience = useAudienceBuilder(EVERYONE, saveIssues);

  const load = (draft: DraftGroup, segment: SegmentDto | null, preset: AudiencePreset | null): void => {
    audience.load(draft);
    setEditing((current) => ({ segment, preset, loads: current.loads + 1 }));
    setSaveIssues([]);
  };

  const remove = async (segment: SegmentDto): Promise<void> => {
    setDeleting(true);
    try {
      await call('segments.delete', { id: segment.id });
      showToast(`Deleted “${segment.name}”.`);
      if (editing.segment?.id === segment.id) setEditing((current) => ({ ...current, segment: null, loads: current.loads + 1 }));
      setSegmentsVersion((version) => version + 1);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setDeleting(false);
      confirmDelete.close();
    }
  };

  const toDelete = confirmDelete.target;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Audiences"
        description="Pick out clients by anything you know about them, see at once how many you would reach, and save it as a segment."
      />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <SectionCard title="Start from">
              <PresetPicker onPick={(preset) => load(fromFilter(preset.filter), null, preset)} />
              <Button variant="subtle" size="xs" w="fit-content" onClick={() => load(newGroup(), null, null)}>
                Or start from scratch, with all your clients
              </Button>
              <Text fw={500} size="sm" mt="xs">
                Your saved segments
              </Text>
              <SegmentList
                segments={segments}
                openId={editing.segment?.id ?? null}
                onOpen={(segment) => load(fromFilter(segment.filter), segment, null)}
                onDelete={confirmDelete.open}
              />
            </SectionCard>
            <SectionCard title={editing.segment ? `Segment “${editing.segment.name}”` : 'Build your audience'}>
              <BuilderContext.Provider value={audience.builder}>
                <GroupEditor group={audience.draft} depth={1} />
              </BuilderContext.Provider>
              <Box pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <SaveSegmentForm
                  key={editing.loads}
                  open={editing.segment}
                  suggestedName={editing.preset?.name ?? ''}
                  filter={audience.filter}
                  unfinished={audience.unfinished}
                  onSaved={(segment) => {
                    setEditing((current) => ({ ...current, segment, preset: null, loads: current.loads + 1 }));
                    setSegmentsVersion((version) => version + 1);
                  }}
                  onFilterIssues={setSaveIssues}
                />
              </Box>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} style={{ position: 'sticky', top: 80 }}>
          <AudienceSummaryPanel summary={audience.summary} />
        </Grid.Col>
      </Grid>
      {toDelete && (
        <ConfirmModal
          opened={confirmDelete.opened}
          title={`Delete “${toDelete.name}”?`}
          confirmLabel="Delete segment"
          danger
          busy={deleting}
          onConfirm={() => void remove(toDelete)}
          onCancel={confirmDelete.close}
        >
          <Text>The segment is removed from your list. Your clients are not changed.</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
