import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AutomationDto } from '../../../../shared/automations';
import { useCall } from '../../hooks/useCall';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { monthFigures, statsLine } from '../../lib/automations';
import { hrefFor } from '../../lib/routes';
import { salonDate } from '../../lib/salonDays';
import { AutomationSwitch } from './AutomationSwitch';

/** One automation on the list: what it does, on or off, and how this month went. */
export function AutomationCard({ automation }: { automation: AutomationDto }) {
  const { timeZone, money } = useSalonFormat();
  const stats = useCall('automations.stats', { id: automation.id }, automation.enabled ? 1 : 0);
  const month = salonDate(timeZone).slice(0, 7);
  const href = hrefFor({ page: 'automation', id: automation.id });
  return (
    <Paper withBorder radius="md" p="lg" data-testid="automation-card" aria-label={automation.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Title order={3}>
            <Anchor href={href} inherit underline="hover">
              {automation.name}
            </Anchor>
          </Title>
          <Text>{automation.description}</Text>
          <Text size="sm" c="dimmed" data-testid="automation-stats-line">
            {stats.data ? statsLine(monthFigures(stats.data, month), money) : stats.error ? 'This month’s figures could not be loaded' : ' '}
          </Text>
          <Group mt="xs">
            <Button component="a" href={href} size="xs" variant="light" aria-label={`Edit ${automation.name} and see its results`}>
              Edit and see results
            </Button>
          </Group>
        </Stack>
        <AutomationSwitch automation={automation} />
      </Group>
    </Paper>
  );
}
