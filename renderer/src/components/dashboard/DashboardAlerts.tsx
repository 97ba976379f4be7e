import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { DashboardAlertDto } from '../../../../shared/tracking';
import { hrefFor, type Route } from '../../lib/routes';

/** Where the cause of an alert is: its broadcast, the messages in Reports, or the clients whose numbers cannot get texts. */
function causeOf(alert: DashboardAlertDto): { route: Route; label: string } {
  if (alert.broadcastId !== null) return { route: { page: 'broadcast', id: alert.broadcastId }, label: 'Open the broadcast' };
  if (alert.kind === 'undelivered_texts') return { route: { page: 'reports' }, label: 'See the messages in Reports' };
  return { route: { page: 'contacts' }, label: 'See your clients' };
}

/** Something went wrong often enough to look at: each alert says what and links to the cause. */
export function DashboardAlerts({ alerts }: { alerts: DashboardAlertDto[] }) {
  if (alerts.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="alerts">
      {alerts.map((alert) => {
        const cause = causeOf(alert);
        return (
          <Alert key={`${alert.kind}-${alert.broadcastId ?? 'all'}`} color="orange" variant="light">
            <Text size="sm">
              {alert.message}{' '}
              <Anchor href={hrefFor(cause.route)} size="sm" fw={500}>
                {cause.label}
              </Anchor>
            </Text>
          </Alert>
        );
      })}
    </Stack>
  );
}
