import { useMemo, useState } from 'react';
import type { AudienceFilter } from '../../../shared/audience';
import type { InputIssue } from '../../../shared/errors';
import type { Builder } from '../components/audience/builderContext';
import { addChild, fromFilter, issuesByRow, removeNode, toFilter, updateNode, type DraftGroup } from '../lib/audienceDraft';
import { fieldOptions } from '../lib/audienceFields';
import { useAudienceSummary, type AudienceSummaryState } from './useAudienceSummary';
import { useCall } from './useCall';

export interface AudienceBuilderState {
  draft: DraftGroup;
  /** The filter the conditions make, and whether some are unfinished. */
  filter: AudienceFilter;
  unfinished: boolean;
  summary: AudienceSummaryState;
  /** For BuilderContext: editing the conditions, the fields and tags to pick from, and problems per row. */
  builder: Builder;
  /** Replace the conditions, e.g. with a preset or a saved segment. */
  load(draft: DraftGroup): void;
}

/** The audience builder's state: conditions as edited, their filter, and its live count. */
export function useAudienceBuilder(initial: AudienceFilter, extraIssues: readonly InputIssue[] = []): AudienceBuilderState {
  const [draft, setDraft] = useState<DraftGroup>(() => fromFilter(initial));
  const customFields = useCall('customFields.list', {});
  const tags = useCall('tags.list', {});
  const compiled = useMemo(() => toFilter(draft), [draft]);
  const summary = useAudienceSummary(compiled.filter);
  const issues = useMemo(() => {
    const fromSummary = summary.error?.code === 'invalid_input' ? summary.error.issues : [];
    return issuesByRow([...fromSummary, ...extraIssues], compiled.paths);
  }, [summary.error, extraIssues, compiled.paths]);

  const builder = useMemo<Builder>(
    () => ({
      change: (key, change) => setDraft((current) => updateNode(current, key, change)),
      remove: (key) => setDraft((current) => removeNode(current, key)),
      add: (groupKey, node) => setDraft((current) => addChild(current, groupKey, node)),
      fields: fieldOptions(customFields.data ?? []),
      tags: tags.data?.map(({ name }) => name) ?? [],
      problems: compiled.problems,
      issues,
    }),
    [customFields.data, tags.data, compiled.problems, issues],
  );

  return { draft, filter: compiled.filter, unfinished: compiled.problems.size > 0, summary, builder, load: setDraft };
}
