import { Grid, Select, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { AudienceFilter } from '../../../../shared/audience';
import type { BroadcastDraft } from '../../../../shared/broadcasts';
import type { SegmentDto } from '../../../../shared/dto';
import { useAudienceBuilder } from '../../hooks/useAudienceBuilder';
import type { AudienceSummaryState } from '../../hooks/useAudienceSummary';
import { useCall } from '../../hooks/useCall';
import { fromFilter, newGroup } from '../../lib/audienceDraft';
import { AudienceSummaryPanel } from '../audience/AudienceSummaryPanel';
import { BuilderContext } from '../audience/builderContext';
import { GroupEditor } from '../audience/GroupEditor';
import { PresetPicker } from '../audience/PresetPicker';
import { SectionCard } from '../ui/SectionCard';

type Audience = BroadcastDraft['audience'];

interface AudienceStepProps {
  audience: Audience;
  /** The live summary of the saved audience, shown beside the builder. */
  summary: AudienceSummaryState;
  onChange(audience: Audience): void;
}

/** Who gets the broadcast: a saved segment, a preset, or conditions built here. */
export function AudienceStep({ audience, summary, onChange }: AudienceStepProps) {
  const segments = useCall('segments.list', {});
  const builder = useAudienceBuilder(audience.filter);
  const segmentId = useRef(audience.segmentId);
  const segmentFilter = useRef<string | null>(null);

  // A finished filter becomes the draft's audience; once it differs from the segment it came from, it is its own.
  const filterJson = JSON.stringify(builder.filter);
  useEffect(() => {
    if (builder.unfinished || filterJson === JSON.stringify(audience.filter)) return;
    if (segmentFilter.current !== null && segmentFilter.current !== filterJson) segmentId.current = null;
    onChange({ segmentId: segmentId.current, filter: builder.filter });
  }, [filterJson, builder.unfinished, builder.filter, audience.filter, onChange]);

  /** Start from a segment's or a preset's filter (a preset is not remembered: it is only a start). */
  const start = (filter: AudienceFilter | null, segment: SegmentDto | null): void => {
    segmentId.current = segment?.id ?? null;
    segmentFilter.current = segment ? JSON.stringify(segment.filter) : null;
    builder.load(filter ? fromFilter(filter) : newGroup());
  };
  const pickSegment = (segment: SegmentDto | undefined): void => start(segment?.filter ?? null, segment ?? null);

  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <SectionCard title="Start from">
            <Select
              label="A saved segment"
              placeholder={segments.data?.length ? 'Pick a segment' : 'No saved segments yet'}
              data={(segments.data ?? []).map((segment) => ({ value: String(segment.id), label: segment.name }))}
              value={audience.segmentId === null ? null : String(audience.segmentId)}
              onChange={(value) => pickSegment(segments.data?.find((segment) => String(segment.id) === value))}
              clearable
              maw={360}
            />
            <Text size="sm" c="dimmed">
              Or a ready-made audience:
            </Text>
            <PresetPicker onPick={(preset) => start(preset.filter, null)} />
          </SectionCard>
          <SectionCard title="Who gets it">
            <Text size="sm" c="dimmed">
              With no conditions, every client who agreed to hear from you gets it.
            </Text>
            <BuilderContext.Provider value={builder.builder}>
              <GroupEditor group={builder.draft} depth={1} />
            </BuilderContext.Provider>
          </SectionCard>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }} style={{ position: 'sticky', top: 80 }}>
        <AudienceSummaryPanel summary={builder.unfinished ? builder.summary : summary} />
      </Grid.Col>
    </Grid>
  );
}
