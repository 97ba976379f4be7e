import { Code, Loader, Text } from '@mantine/core';
import type { AppInfoDto } from '../../../../shared/dto';
import type { CallState } from '../../hooks/useCall';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';

/** Where the owner's data lives, so they can back it up. */
export function DataLocation({ info }: { info: CallState<AppInfoDto> }) {
  return (
    <SectionCard title="Your data">
      <ErrorAlert error={info.error} />
      {info.loading && <Loader size="sm" aria-label="Finding your data folder" />}
      {info.data && (
        <>
          <Text>
            Your data is stored in <Code>{info.data.dataDir}</Code>
          </Text>
          <Text size="sm" c="dimmed">
            Copy this folder to a backup drive now and then to keep your client list and history safe. Salon
            Broadcast version {info.data.version}.
          </Text>
        </>
      )}
    </SectionCard>
  );
}
