import { Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { AudienceFilter } from '../../../../shared/audience';
import type { ApiError } from '../../api/ApiError';
import { useAudienceBuilder } from '../../hooks/useAudienceBuilder';
import { audienceIssues } from '../../lib/automations';
import { BuilderContext } from '../audience/builderContext';
import { GroupEditor } from '../audience/GroupEditor';
import { SectionCard } from '../ui/SectionCard';

interface AutomationAudienceProps {
  audience: AudienceFilter;
  onChange(audience: AudienceFilter): void;
  error: ApiError | null;
}

/** Who it may reach on top of its trigger, built as an audience is; a finished set of conditions becomes the form's. */
export function AutomationAudience({ audience, onChange, error }: AutomationAudienceProps) {
  const issues = useMemo(() => audienceIssues(error?.issues ?? []), [error]);
  const builder = useAudienceBuilder(audience, issues);
  const filterJson = JSON.stringify(builder.filter);
  useEffect(() => {
    if (builder.unfinished || filterJson === JSON.stringify(audience)) return;
    onChange(builder.filter);
  }, [filterJson, builder.unfinished, builder.filter, audience, onChange]);

  return (
    <SectionCard title="Only for these clients">
      <Text size="sm" c="dimmed">
        On top of what it is for (a birthday coming, a visit a while ago), it may be only for some clients: for example only
        those tagged VIP. It never reaches a client who has not agreed to hear from you.
      </Text>
      <BuilderContext.Provider value={builder.builder}>
        <GroupEditor group={builder.draft} depth={1} emptyText="No conditions: every client it is due for may get it." />
      </BuilderContext.Provider>
      {builder.unfinished && (
        <Text size="sm" c="orange.8">
          Finish or remove the unfinished condition: until then, the last complete conditions are the ones used.
        </Text>
      )}
    </SectionCard>
  );
}
