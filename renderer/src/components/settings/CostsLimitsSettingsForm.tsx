import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { SettingsDto } from '../../../../shared/dto';
import { ApiError } from '../../api/ApiError';
import { useSettingsSave } from '../../hooks/useSettingsSave';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { currencyOptions, currencySymbol } from '../../lib/money';
import { costsLimitsDraftFrom, costsLimitsPatch, type CostsLimitsDraft } from '../../lib/settingsForm';
import { useSettingsStore } from '../../stores/settings';
import { SETTINGS_ANCHORS } from '../../lib/settingsAnchors';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';

const FIELDS = [
  'ownerPhone',
  'ownerEmail',
  'quietHours.start',
  'quietHours.end',
  'currency',
  'smsPricePerSegment',
  'budgetCap',
  'smsPerSecond',
  'emailPerMinute',
  'graceHours',
  'frequencyCap',
] as const;

/** Common sending limits of the mailboxes salons send from. */
const EMAIL_PRESETS = [
  { label: 'Gmail / Google Workspace', perMinute: 20 },
  { label: 'Microsoft 365', perMinute: 30 },
];

export function CostsLimitsSettingsForm({ settings }: { settings: SettingsDto }) {
  const [saved, setSaved] = useState<CostsLimitsDraft>(() => costsLimitsDraftFrom(settings));
  const [form, setForm] = useState<CostsLimitsDraft>(saved);
  const { saving, error, setError, save: saveSettings } = useSettingsSave();
  const edit = (change: Partial<CostsLimitsDraft>): void => setForm((current) => ({ ...current, ...change }));
  // Every ISO 4217 currency, and the saved one even when this computer's Intl does not know it.
  const currencies = useMemo(() => currencyOptions(settings.currency), [settings.currency]);
  const { locale } = useSalonFormat();
  const money = currencySymbol({ currency: form.currency, locale });

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = costsLimitsPatch(saved, form);
    if (!result.ok) {
      setError(new ApiError({ code: 'invalid_input', message: 'Please check the fields marked in red.', issues: result.issues }));
      return;
    }
    if (!(await saveSettings(result.patch))) return;
    // Show what the core kept, e.g. the phone number as it will be dialled.
    const fresh = useSettingsStore.getState().settings;
    if (fresh) {
      const draft = costsLimitsDraftFrom(fresh);
      setSaved(draft);
      setForm(draft);
    }
  };

  return (
    <SectionCard title="Costs, limits and quiet hours" id={SETTINGS_ANCHORS.costs}>
      <form onSubmit={save} noValidate>
        <Stack gap="xl">
          {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}

          <Part
            title="Your own number and email for test sends"
            hint="When you send yourself a test of a broadcast, it goes here. Leave a box empty if you do not want tests that way."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Your mobile number"
                type="tel"
                autoComplete="tel"
                value={form.ownerPhone}
                onChange={(event) => edit({ ownerPhone: event.currentTarget.value })}
                error={error?.issueFor('ownerPhone')}
              />
              <TextInput
                label="Your email"
                type="email"
                autoComplete="email"
                value={form.ownerEmail}
                onChange={(event) => edit({ ownerEmail: event.currentTarget.value })}
                error={error?.issueFor('ownerEmail')}
              />
            </SimpleGrid>
          </Part>

          <Part
            title="Quiet hours"
            hint="No text or email goes out to clients outside these hours, on your salon's clock. A message due outside them waits until they open again."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="No messages before"
                type="time"
                value={form.quietStart}
                onChange={(event) => edit({ quietStart: event.currentTarget.value })}
                error={error?.issueFor('quietHours.start')}
              />
              <TextInput
                label="…or from"
                type="time"
                value={form.quietEnd}
                onChange={(event) => edit({ quietEnd: event.currentTarget.value })}
                error={error?.issueFor('quietHours.end')}
              />
            </SimpleGrid>
          </Part>

          <Part title="Prices and budget" hint="Used to tell you what a broadcast will cost before you send it.">
            <Select
              label="Currency"
              description="Prices, costs and what clients spent are shown in it. Changing it keeps the amounts: 522.82 stays 522.82."
              data={currencies}
              searchable
              nothingFoundMessage="No currency by that name or code"
              value={form.currency}
              onChange={(currency) => currency && edit({ currency })}
              allowDeselect={false}
              error={error?.issueFor('currency')}
            />
            <NumberInput
              label="Price of one text"
              description="What your text provider charges per text segment. A long text, or one with emoji, counts as several segments."
              prefix={money}
              min={0}
              step={0.001}
              decimalScale={4}
              allowNegative={false}
              value={form.smsPricePerSegment}
              onChange={(smsPricePerSegment) => edit({ smsPricePerSegment })}
              error={error?.issueFor('smsPricePerSegment')}
            />
            <NumberInput
              label="Most one broadcast may cost"
              description="A broadcast expected to cost more than this cannot be sent. Leave empty for no limit."
              placeholder="No limit"
              prefix={money}
              min={0}
              decimalScale={2}
              allowNegative={false}
              value={form.budgetCap}
              onChange={(budgetCap) => edit({ budgetCap })}
              error={error?.issueFor('budgetCap')}
            />
          </Part>

          <Part
            title="Messages per client per week"
            hint="Counts broadcasts and automations. Extra messages are skipped and shown as 'frequency cap'."
          >
            <NumberInput
              label="At most this many messages to one client in any 7 days"
              description="Leave empty for no limit. An automation set to be left out of the limit (such as Birthday) neither counts nor is held back."
              placeholder="No limit"
              min={1}
              max={50}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              value={form.frequencyCap}
              onChange={(frequencyCap) => edit({ frequencyCap })}
              error={error?.issueFor('frequencyCap')}
            />
          </Part>

          <Part title="Sending speed" hint="Going faster than your provider allows gets messages refused.">
            <NumberInput
              label="Texts per second"
              description="1 for an ordinary US number; ask your provider if you have a toll-free number or a short code."
              min={0.1}
              step={0.1}
              decimalScale={2}
              allowNegative={false}
              value={form.smsPerSecond}
              onChange={(smsPerSecond) => edit({ smsPerSecond })}
              error={error?.issueFor('smsPerSecond')}
            />
            <Stack gap={6}>
              <NumberInput
                label="Emails per minute"
                description="Mailboxes limit how fast you may send: about 20 a minute for Gmail or Google Workspace, about 30 for Microsoft 365."
                min={1}
                step={1}
                allowDecimal={false}
                allowNegative={false}
                value={form.emailPerMinute}
                onChange={(emailPerMinute) => edit({ emailPerMinute })}
                error={error?.issueFor('emailPerMinute')}
              />
              <Group gap="xs">
                {EMAIL_PRESETS.map((preset) => (
                  <Button
                    key={preset.label}
                    type="button"
                    size="compact-xs"
                    variant="light"
                    onClick={() => edit({ emailPerMinute: preset.perMinute })}
                  >
                    {preset.label}: {preset.perMinute}
                  </Button>
                ))}
              </Group>
            </Stack>
          </Part>

          <Part
            title="If the computer was off"
            hint="Messages only go out while Salon Broadcast is running. If it was closed or asleep when a message was due, it still goes out by itself when the app is back, up to this many hours late. Later than that, the broadcast asks you whether to send it or skip it."
          >
            <NumberInput
              label="Still send up to this many hours late"
              min={0.25}
              max={48}
              step={0.5}
              decimalScale={2}
              allowNegative={false}
              suffix=" hours"
              value={form.graceHours}
              onChange={(graceHours) => edit({ graceHours })}
              error={error?.issueFor('graceHours')}
            />
          </Part>

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

/** One group of fields inside the section, with a heading and a line saying what it is for. */
function Part({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}
