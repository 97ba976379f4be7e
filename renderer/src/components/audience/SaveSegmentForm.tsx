import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AudienceFilter } from '../../../../shared/audience';
import type { SegmentDto } from '../../../../shared/dto';
import type { InputIssue } from '../../../../shared/errors';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { validateInput } from '../../api/validate';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';

interface SaveSegmentFormProps {
  /** The segment being changed, or null for a new one. */
  open: SegmentDto | null;
  /** The name to offer for a new segment, e.g. the preset it started from. */
  suggestedName: string;
  filter: AudienceFilter;
  /** Conditions are not filled in: saving would silently drop them. */
  unfinished: boolean;
  onSaved(segment: SegmentDto): void;
  /** What the core said about the conditions, to show next to them. */
  onFilterIssues(issues: readonly InputIssue[]): void;
}

/** Save the audience under a name: as a new segment, or over the one that is open (renaming it too). */
export function SaveSegmentForm({ open, suggestedName, filter, unfinished, onSaved, onFilterIssues }: SaveSegmentFormProps) {
  const [name, setName] = useState(open?.name ?? suggestedName);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState<'over' | 'new' | null>(null);

  const save = async (asNew: boolean): Promise<void> => {
    const input = { ...(open && !asNew && { id: open.id }), name, filter };
    const invalid = validateInput('segments.save', input);
    setError(invalid);
    if (invalid) return onFilterIssues(invalid.issues);
    setSaving(asNew ? 'new' : 'over');
    try {
      const saved = await call('segments.save', input);
      showToast(`Saved “${saved.name}”.`);
      onFilterIssues([]);
      onSaved(saved);
    } catch (caught) {
      const failure = toApiError(caught);
      setError(failure);
      onFilterIssues(failure.issues);
    } finally {
      setSaving(null);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void save(open === null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error && !error.concernsAnyOf(['name', 'filter']) && <ErrorAlert error={error} />}
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Segment name"
            placeholder="e.g. Lapsing colour clients"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error?.issueFor('name')}
            w={320}
          />
          <Group gap="xs" mt={25}>
            {open ? (
              <>
                <Button type="submit" loading={saving === 'over'} disabled={unfinished || saving !== null}>
                  Save changes
                </Button>
                <Button variant="default" onClick={() => void save(true)} loading={saving === 'new'} disabled={unfinished || saving !== null}>
                  Save as a new segment
                </Button>
              </>
            ) : (
              <Button type="submit" loading={saving === 'new'} disabled={unfinished || saving !== null}>
                Save as segment
              </Button>
            )}
          </Group>
        </Group>
        {unfinished && (
          <Text size="sm" c="dimmed">
            Finish or remove the conditions marked “Not counted yet” to save this audience.
          </Text>
        )}
      </Stack>
    </form>
  );
}
