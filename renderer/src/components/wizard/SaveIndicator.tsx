import { Loader, Text } from '@mantine/core';
import type { DraftAutosave } from './useDraftAutosave';

const WORDS = { saved: 'Draft saved', saving: 'Saving…', unsaved: 'Saving…', failed: 'Not saved yet' } as const;

/** Whether the draft is safe: shown beside the title at every step. */
export function SaveIndicator({ autosave }: { autosave: DraftAutosave }) {
  return (
    <Text size="sm" c={autosave.status === 'failed' ? 'yellow.8' : 'dimmed'} data-testid="save-status" aria-live="polite">
      {autosave.status === 'saving' && <Loader size={10} mr={6} />}
      {WORDS[autosave.status]}
    </Text>
  );
}
