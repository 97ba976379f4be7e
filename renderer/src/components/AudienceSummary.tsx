import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import type { AudienceCountDto } from '../../../shared/dto';
import type { CallState } from '../hooks/useCall';
import { countOf } from '../lib/format';
import { navigate } from '../stores/navigation';
import { ErrorAlert } from './ErrorAlert';

const ADDRESS = {
  sms: { one: 'mobile number', withArticle: 'a mobile number', many: 'mobile numbers' },
  email: { one: 'email address', withArticle: 'an email address', many: 'email addresses' },
} as const;

/** Who a broadcast on the chosen channel would reach, and who it leaves out. */
export function AudienceSummary({ audience }: { audience: CallState<AudienceCountDto> }) {
  if (audience.error) return <ErrorAlert error={audience.error} />;
  if (!audience.data) return <Loader size="sm" aria-label="Counting your clients" />;

  const { channel, reachable, missingAddress } = audience.data;
  const address = ADDRESS[channel];
  if (reachable === 0) {
    const noClients = missingAddress === 0;
    return (
      <Alert color="yellow" title="No one to send this to yet">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {noClients
              ? 'You have no clients yet. Add your clients first, then come back here.'
              : `None of your clients has ${address.withArticle} yet. Add ${address.many} to your clients first.`}
          </Text>
          <Button size="xs" variant="default" onClick={() => navigate({ page: 'contacts' })}>
            {noClients ? 'Add your clients' : `Add ${address.many}`}
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap={2}>
      <Text fw={500}>Will go to {countOf(reachable, 'client')}</Text>
      {missingAddress > 0 && (
        <Text size="sm" c="dimmed">
          {countOf(missingAddress, 'client')} left out because they have no {address.one}.
        </Text>
      )}
    </Stack>
  );
}
