import { Group, Stack, Text } from '@mantine/core';
import type { CostDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { costWords } from '../../lib/broadcastTracking';
import { Figure } from './Figure';

/** What the broadcast was expected to cost against what it has cost, and whether that is final. */
export function CostSummary({ cost }: { cost: CostDto }) {
  const { money } = useSalonFormat();
  const words = costWords(cost, money);
  return (
    <Stack gap="xs" data-testid="cost">
      <Group gap="xl">
        <Figure label="Estimated for every message" value={words.estimated} testId="cost-estimated" />
        <Figure label={cost.practice ? 'Charged' : 'Actual so far'} value={words.actual} testId="cost-actual" />
      </Group>
      {words.note && (
        <Text size="sm" c="dimmed" data-testid="cost-note">
          {words.note}
        </Text>
      )}
    </Stack>
  );
}
