import { Group, Paper, Stack, Text } from '@mantine/core';
import type { DashboardDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatNumber } from '../../lib/rates';

/** The client list's size and this month's movement: new clients, opt-outs, replies. */
export function ClientsCard({ clients }: { clients: DashboardDto['clients'] }) {
  const { locale } = useSalonFormat();
  const lines = [
    { label: 'Added this month', value: clients.addedThisMonth },
    { label: 'Opted out this month', value: clients.optOutsThisMonth },
    { label: 'Replies this month', value: clients.repliesThisMonth },
  ];
  return (
    <Paper withBorder radius="md" p="md" data-testid="dashboard-clients">
      <Text size="sm" c="dimmed">
        Clients
      </Text>
      <Text fz={28} fw={700}>
        {formatNumber(clients.total, locale)}
      </Text>
      <Stack gap={2} mt={4}>
        {lines.map(({ label, value }) => (
          <Group key={label} justify="space-between" gap="xs">
            <Text size="sm">{label}</Text>
            <Text size="sm" fw={500}>
              {formatNumber(value, locale)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
