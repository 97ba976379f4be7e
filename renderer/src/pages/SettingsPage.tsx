import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { CostsLimitsSettingsForm } from '../components/settings/CostsLimitsSettingsForm';
import { DataLocation } from '../components/settings/DataLocation';
import { PageHeader } from '../components/ui/PageHeader';
import { SalonSettingsForm } from '../components/settings/SalonSettingsForm';
import { SendingSettings } from '../components/sending/SendingSettings';
import { useCall } from '../hooks/useCall';
import type { SettingsSection } from '../lib/routes';
import { SETTINGS_ANCHORS } from '../lib/settingsAnchors';
import { useSettings } from '../stores/settings';

/** `section`: the part a link asked for (#/settings/costs), scrolled to. */
export function SettingsPage({ section }: { section?: SettingsSection }) {
  const settings = useSettings();
  const info = useCall('app.info', {});

  useEffect(() => {
    if (!section) return;
    // After this render has put the section on the page.
    const frame = requestAnimationFrame(() =>
      document.getElementById(SETTINGS_ANCHORS[section])?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [section]);

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
