import { Stack } from '@mantine/core';
import { CostsLimitsSettingsForm } from '../components/CostsLimitsSettingsForm';
import { DataLocation } from '../components/DataLocation';
import { PageHeader } from '../components/PageHeader';
import { SalonSettingsForm } from '../components/SalonSettingsForm';
import { SendingSettings } from '../components/SendingSettings';
import { useCall } from '../hooks/useCall';
import { useSettings } from '../stores/settings';

export function SettingsPage() {
  const settings = useSettings();
  const info = useCall('app.info', {});
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="Settings" />
      <SalonSettingsForm settings={settings} host={info.data?.host} />
      <CostsLimitsSettingsForm settings={settings} />
      <SendingSettings />
      <DataLocation info={info} />
    </Stack>
  );
}
