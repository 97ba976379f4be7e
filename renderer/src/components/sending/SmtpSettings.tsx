import { Alert, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SMTP_TLS_MODES, type SmtpConfigDto, type SmtpTlsMode } from '../../../../shared/sending';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { savedMessage, smtpDraftFrom, smtpInput, smtpPasswordKept, type SmtpDraft } from '../../lib/providerForms';
import { presetFor, TLS_LABELS, USUAL_PORTS, type SmtpPreset } from '../../lib/smtpPresets';
import { useSettings, useSettingsStore } from '../../stores/settings';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';
import { CostsLink } from './CostsLink';
import { ProviderHeading } from './ProviderHeading';
import { ProviderFormActions, useProviderTest } from './ProviderActions';
import { SecretInput } from './SecretInput';
import { SmtpPresetPicker } from './SmtpPresetPicker';
import { useProviderForm } from './useProviderForm';

const FIELDS = ['host', 'port', 'tls', 'user', 'password', 'fromName', 'fromAddress', 'replyTo', 'perDay'] as const;
const TLS_OPTIONS = SMTP_TLS_MODES.map((mode) => ({ value: mode, label: TLS_LABELS[mode] }));
const isTlsMode = (value: string | null): value is SmtpTlsMode => SMTP_TLS_MODES.some((mode) => mode === value);

/** Emails through the mailbox the salon already has (Gmail, Microsoft 365, …), by its mail server. */
export function SmtpSettings({ config }: { config: SmtpConfigDto | null }) {
  const settings = useSettings();
  /** The mailbox picked from the buttons (or recognised from the saved server), for its advice and speed. */
  const [preset, setPreset] = useState<SmtpPreset | null>(() => (config ? presetFor(config.host, config.port, config.perDay) ?? null : null));
  const test = useProviderTest('smtp');
  const { form, setForm, edit, changed, saving, error, reset, save } = useProviderForm({
    config,
    draftFrom: (fresh: SmtpConfigDto | null) => smtpDraftFrom(fresh, useSettingsStore.getState().settings ?? settings),
    check: (draft: SmtpDraft) => smtpInput(draft, config),
    submit: async (input) => {
      const sending = await call('sending.saveSmtp', input);
      if (newSpeed !== null) await saveSpeed(newSpeed);
      return sending;
    },
    configOf: (sending) => sending.smtp,
    savedMessage: (saved) => savedMessage('Email settings', 'the mail server', saved),
    onSaving: () => test.clear(),
  });
  /** The picked mailbox's speed, when saving should change Settings' emails per minute to it. */
  const newSpeed = preset && preset.perMinute !== settings.emailPerMinute && preset.host === form.host.trim().toLowerCase() ? preset.perMinute : null;

  const pick = (chosen: SmtpPreset): void => {
    setPreset(chosen);
    edit({ host: chosen.host, port: chosen.port, tls: chosen.tls, perDay: chosen.perDay, ...(chosen.user ? { user: chosen.user } : {}) });
  };

  const changeTls = (tls: SmtpTlsMode): void =>
    // The port follows the encryption while it is still the usual one for the old choice.
    setForm((current) => ({ ...current, tls, port: current.port === USUAL_PORTS[current.tls] ? USUAL_PORTS[tls] : current.port }));

  return (
    <SectionCard title="Email (your mailbox)">
      <ProviderHeading configured={Boolean(config)} check={config}>
        Your emails go out from the mailbox you already use, as if you sent them yourself. Replies land in that mailbox
        too.
      </ProviderHeading>
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}
          <SmtpPresetPicker chosen={preset?.id ?? null} onPick={pick} />
          {preset && (
            <Alert color="blue" variant="light" title={preset.label}>
              {preset.note}
            </Alert>
          )}
          <Group align="flex-start" wrap="nowrap" gap="md">
            <TextInput
              label="Mail server"
              placeholder="smtp.example.com"
              autoComplete="off"
              spellCheck={false}
              value={form.host}
              onChange={(event) => edit({ host: event.currentTarget.value })}
              error={error?.issueFor('host')}
              style={{ flex: 1 }}
            />
            <NumberInput
              label="Port"
              w={120}
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              value={form.port}
              onChange={(port) => edit({ port })}
              error={error?.issueFor('port')}
            />
          </Group>
          <Select
            label="Encryption"
            description="How the connection to the mail server is protected. Your mailbox’s help pages say which to use."
            data={TLS_OPTIONS}
            value={form.tls}
            onChange={(tls) => isTlsMode(tls) && changeTls(tls)}
            allowDeselect={false}
            error={error?.issueFor('tls')}
          />
          {form.tls === 'none' && (
            <Alert color="red" variant="light" title="Not safe">
              Without encryption, your mailbox password and every email travel over the internet where others can read
              them. Use this only with a mail server on your own network that offers nothing else.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="User name"
              description="Usually your full email address."
              autoComplete="off"
              spellCheck={false}
              value={form.user}
              onChange={(event) => edit({ user: event.currentTarget.value })}
              error={error?.issueFor('user')}
            />
            <SecretInput
              label="Password"
              description="For Gmail and most others, an app password."
              saved={config?.password}
              kept={smtpPasswordKept(config, form)}
              placeholder="The mailbox’s password"
              value={form.password}
              onChange={(password) => edit({ password })}
              error={error?.issueFor('password')}
            />
            <TextInput
              label="Name clients see"
              description="Shown as the sender, e.g. your salon’s name."
              value={form.fromName}
              onChange={(event) => edit({ fromName: event.currentTarget.value })}
              error={error?.issueFor('fromName')}
            />
            <TextInput
              label="Send from address"
              description="Usually the mailbox’s own address."
              type="email"
              value={form.fromAddress}
              onChange={(event) => edit({ fromAddress: event.currentTarget.value })}
              error={error?.issueFor('fromAddress')}
            />
            <TextInput
              label="Replies go to (optional)"
              description="Leave empty for replies to come back to the send-from address."
              type="email"
              placeholder="Same as the send-from address"
              value={form.replyTo}
              onChange={(event) => edit({ replyTo: event.currentTarget.value })}
              error={error?.issueFor('replyTo')}
            />
            <NumberInput
              label="Most emails a day (optional)"
              description="Sending stops for the day at this many, before your mailbox refuses more."
              placeholder="No limit"
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={form.perDay}
              onChange={(perDay) => edit({ perDay })}
              error={error?.issueFor('perDay')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {newSpeed !== null ? (
              <>
                Saving also sets the sending speed to {newSpeed} emails a minute, as {preset?.label} allows (now{' '}
                {settings.emailPerMinute}). You can change it later in <CostsLink />.
              </>
            ) : (
              <>
                Emails go out at {settings.emailPerMinute} a minute. Change it in <CostsLink />.
              </>
            )}
          </Text>

          <ProviderFormActions
            saving={saving}
            configured={Boolean(config)}
            changed={changed}
            test={test}
            testLabel="Send a test email"
            testPossible={settings.ownerEmail !== null}
            testHint={
              settings.ownerEmail ? (
                `The test email goes to your own address, ${settings.ownerEmail}.`
              ) : (
                <>To send yourself a test, add your own email in <CostsLink />.</>
              )
            }
            remove={{
              provider: 'smtp',
              name: 'this mailbox',
              consequence:
                'The mail server, user name and password are forgotten on this computer. Emails go back to practice (sandbox) until you set a mailbox up again. The mailbox itself is not changed.',
              onRemoved: () => {
                reset(null);
                setPreset(null);
              },
            }}
          />
        </Stack>
      </form>
    </SectionCard>
  );
}

/** The picked mailbox's speed becomes Settings' emails per minute; said, not fatal, if it fails. */
async function saveSpeed(emailPerMinute: number): Promise<void> {
  try {
    await useSettingsStore.getState().update({ emailPerMinute });
  } catch (caught) {
    showToast(`The mailbox was saved, but not its speed: ${toApiError(caught).message}`, 'error');
  }
}
