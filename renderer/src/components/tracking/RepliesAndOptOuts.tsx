import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { DeliveryCountsDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatNumber } from '../../lib/rates';
import { hrefFor } from '../../lib/routes';
import { Figure } from './Figure';

/** Replies and opt-outs within 72 hours of this broadcast's messages. */
export function RepliesAndOptOuts({ total, texts }: { total: DeliveryCountsDto; texts: boolean }) {
  const { locale } = useSalonFormat();
  return (
    <Stack gap="xs" data-testid="replies-optouts">
      <Group gap="xl">
        {texts && <Figure label="Replied" value={formatNumber(total.replied, locale)} testId="replied" />}
        <Figure label="Opted out" value={formatNumber(total.optedOut, locale)} testId="opted-out" />
      </Group>
      <Text size="sm" c="dimmed">
        Counted within 72 hours after each message.
        {texts && total.replied > 0 && (
          <>
            {' '}
            <Anchor href={hrefFor({ page: 'replies' })} size="sm">
              Read the replies
            </Anchor>
          </>
        )}
      </Text>
    </Stack>
  );
}
