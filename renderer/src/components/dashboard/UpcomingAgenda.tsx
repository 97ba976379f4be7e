import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { DashboardUpcomingDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { CHANNEL_PLURALS, countOf } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { dayHeading, groupBySalonDay, salonDate, salonTime } from '../../lib/salonDays';
import { SectionCard } from '../ui/SectionCard';

/** The next 14 days' scheduled sends, by salon day: when, which broadcast, how, to how many. */
export function UpcomingAgenda({ upcoming }: { upcoming: DashboardUpcomingDto[] }) {
  const { timeZone, locale } = useSalonFormat();
  const today = salonDate(timeZone);
  return (
    <SectionCard title="Coming up in the next 14 days">
      {upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing scheduled. Broadcasts you set for a later time show here.
        </Text>
      ) : (
        <Stack gap="md" data-testid="upcoming">
          {groupBySalonDay(upcoming, timeZone).map(({ date, items }) => (
            <Stack key={date} gap={6}>
              <Text fw={700} size="sm">
                {dayHeading(date, today, locale)}
              </Text>
              {items.map((item) => (
                <Group key={`${item.broadcastId}-${item.day}`} gap="sm" wrap="nowrap" align="baseline">
                  <Text size="sm" w={72} style={{ flexShrink: 0 }}>
                    {salonTime(item.at, timeZone, locale)}
                  </Text>
                  <Anchor href={hrefFor({ page: 'broadcast', id: item.broadcastId })} size="sm" fw={500} truncate>
                    {item.name}
                    {item.day > 1 && ` (day ${item.day})`}
                  </Anchor>
                  <Group gap={4} wrap="nowrap">
                    {item.channels.map((channel) => (
                      <Badge key={channel} size="sm" variant="light">
                        {CHANNEL_PLURALS[channel]}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="sm" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }}>
                    {countOf(item.messages, 'message')}
                  </Text>
                </Group>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
