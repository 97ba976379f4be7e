import { Button, Group, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { AppInfoDto, SettingsDto } from '../../../../shared/dto';
import { useSettingsSave } from '../../hooks/useSettingsSave';
import { countryOptions, timeZoneOptions } from '../../lib/countries';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';

const FIELDS = ['salonName', 'postalAddress', 'country', 'timeZone', 'startAtLogin'] as const;

interface SalonSettingsFormProps {
  settings: SettingsDto;
  /** Unknown until app.info answers. */
  host: AppInfoDto['host'] | undefined;
}

export function SalonSettingsForm({ settings, host }: SalonSettingsFormProps) {
  const [form, setForm] = useState({
    salonName: settings.salonName,
    postalAddress: settings.postalAddress,
    country: settings.country,
    timeZone: settings.timeZone,
    startAtLogin: settings.startAtLogin,
  });
  const countries = useMemo(() => countryOptions(settings.country), [settings.country]);
  const timeZones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);
  const { saving, error, save: saveSettings } = useSettingsSave();
  const edit = (change: Partial<typeof form>): void => setForm((current) => ({ ...current, ...change }));

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await saveSettings(form);
  };

  return (
    <SectionCard title="Your salon">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}
          <TextInput
            label="Salon name"
            value={form.salonName}
            onChange={(event) => edit({ salonName: event.currentTarget.value })}
            error={error?.issueFor('salonName')}
          />
          <Textarea
            label="Postal address"
            description="Printed at the foot of every email you send, as the law asks for marketing email."
            autosize
            minRows={2}
            value={form.postalAddress}
            onChange={(event) => edit({ postalAddress: event.currentTarget.value })}
            error={error?.issueFor('postalAddress')}
          />
          <Select
            label="Country"
            description="Phone numbers typed without a + country code are read as numbers from here."
            data={countries}
            value={form.country}
            onChange={(country) => country && edit({ country })}
            searchable
            allowDeselect={false}
            error={error?.issueFor('country')}
          />
          <Select
            label="Time zone"
            description="Dates and times in Salon Broadcast are shown in this time zone."
            data={timeZones}
            value={form.timeZone}
            onChange={(timeZone) => timeZone && edit({ timeZone })}
            searchable
            allowDeselect={false}
            error={error?.issueFor('timeZone')}
          />
          <Switch
            label="Start Salon Broadcast when I log in"
            description={
              host === 'web'
                ? 'Only takes effect in the desktop app. You are using Salon Broadcast in a web browser now.'
                : 'Salon Broadcast opens by itself when you log in to this computer. Only takes effect in the desktop app.'
            }
            checked={form.startAtLogin}
            onChange={(event) => edit({ startAtLogin: event.currentTarget.checked })}
            error={error?.issueFor('startAtLogin')}
          />
          <Group>
            <Button type="submit" loading={saving}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
