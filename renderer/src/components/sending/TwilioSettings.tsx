import { Anchor, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { EXTERNAL_LINKS } from '../../../../shared/external-links';
import type { TwilioConfigDto } from '../../../../shared/sending';
import { call } from '../../api/client';
import { formatPhone } from '../../lib/format';
import { savedMessage, twilioDraftFrom, twilioInput, twilioSecretKept, type TwilioDraft } from '../../lib/providerForms';
import { formatAmount } from '../../lib/money';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { useSettings } from '../../stores/settings';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';
import { CostsLink } from './CostsLink';
import { ProviderHeading } from './ProviderHeading';
import { ChoiceField } from './ChoiceField';
import { ProviderFormActions, useProviderTest } from './ProviderActions';
import { SecretInput } from './SecretInput';
import { useProviderForm } from './useProviderForm';

const FIELDS = ['accountSid', 'authKind', 'apiKeySid', 'secret', 'from', 'messagingServiceSid', 'dailyCap'] as const;

/** Texts through the salon's own Twilio account. */
export function TwilioSettings({ config }: { config: TwilioConfigDto | null }) {
  const settings = useSettings();
  const { money } = useSalonFormat();
  const test = useProviderTest('twilio');
  const { form, edit, changed, saving, error, reset, save } = useProviderForm({
    config,
    draftFrom: twilioDraftFrom,
    check: (draft: TwilioDraft) => twilioInput(draft, config),
    submit: (input) => call('sending.saveTwilio', input),
    configOf: (sending) => sending.twilio,
    savedMessage: (saved) => savedMessage('Text message settings', 'Twilio', saved),
    onSaving: () => test.clear(),
  });
  const secretKept = twilioSecretKept(config, form);

  const secretLabel = form.authKind === 'token' ? 'Auth Token' : 'API Key secret';
  return (
    <SectionCard title="Text messages (Twilio)">
      <ProviderHeading configured={Boolean(config)} check={config}>
        Your texts go out through your own Twilio account, which bills you for them. Everything asked for here is in
        the{' '}
        <Anchor href={EXTERNAL_LINKS.twilioConsole} target="_blank" rel="noreferrer" size="sm">
          Twilio Console
        </Anchor>
        , on its front page and under Phone Numbers.
      </ProviderHeading>
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}
          <TextInput
            label="Account SID"
            description="Starts with AC, on the front page of the Twilio Console."
            placeholder="AC…"
            autoComplete="off"
            spellCheck={false}
            value={form.accountSid}
            onChange={(event) => edit({ accountSid: event.currentTarget.value })}
            error={error?.issueFor('accountSid')}
          />
          <ChoiceField
            label="How Salon Broadcast signs in to Twilio"
            value={form.authKind}
            options={[
              { value: 'token', label: 'Auth Token' },
              { value: 'apiKey', label: 'API Key' },
            ]}
            onChange={(authKind) => edit({ authKind })}
            description={
              form.authKind === 'token'
                ? 'The Auth Token is shown next to the Account SID. Simplest to set up.'
                : 'An API Key (made under Account → API keys) can be revoked on its own without changing your main Auth Token. Safer if several apps use your account.'
            }
          />
          {form.authKind === 'apiKey' && (
            <TextInput
              label="API Key SID"
              description="Starts with SK."
              placeholder="SK…"
              autoComplete="off"
              spellCheck={false}
              value={form.apiKeySid}
              onChange={(event) => edit({ apiKeySid: event.currentTarget.value })}
              error={error?.issueFor('apiKeySid')}
            />
          )}
          <SecretInput
            label={secretLabel}
            saved={config?.secret}
            kept={secretKept}
            placeholder={form.authKind === 'token' ? 'Paste the Auth Token' : 'Paste the secret shown when the key was made'}
            value={form.secret}
            onChange={(secret) => edit({ secret })}
            error={error?.issueFor('secret')}
          />

          <ChoiceField
            label="Texts come from"
            value={form.sender}
            options={[
              { value: 'number', label: 'One phone number' },
              { value: 'service', label: 'A Messaging Service' },
            ]}
            onChange={(sender) => edit({ sender })}
          />
          {form.sender === 'number' ? (
            <TextInput
              label="Your Twilio phone number"
              description="A number you bought in Twilio, with + and the country code. Clients see it and can text it back."
              placeholder="+14155550123"
              type="tel"
              value={form.from}
              onChange={(event) => edit({ from: event.currentTarget.value })}
              error={error?.issueFor('from')}
            />
          ) : (
            <TextInput
              label="Messaging Service SID"
              description="Starts with MG, under Messaging → Services. Twilio picks the sending number from the service."
              placeholder="MG…"
              autoComplete="off"
              spellCheck={false}
              value={form.messagingServiceSid}
              onChange={(event) => edit({ messagingServiceSid: event.currentTarget.value })}
              error={error?.issueFor('messagingServiceSid') ?? error?.issueFor('from')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Most texts a day (optional)"
              description="Sending stops for the day at this many. Leave empty for no limit."
              placeholder="No limit"
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              value={form.dailyCap}
              onChange={(dailyCap) => edit({ dailyCap })}
              error={error?.issueFor('dailyCap')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            Texts go out at {settings.smsPerSecond} a second and are counted at{' '}
            {formatAmount(settings.smsPricePerSegment, money, 4)} per text segment. Change these in <CostsLink />.
          </Text>

          <ProviderFormActions
            saving={saving}
            configured={Boolean(config)}
            changed={changed}
            test={test}
            testLabel="Send a test text"
            testPossible={settings.ownerPhone !== null}
            testHint={
              settings.ownerPhone ? (
                `The test text goes to your own number, ${formatPhone(settings.ownerPhone, settings.country)}, and costs one text.`
              ) : (
                <>To send yourself a test, add your own mobile number in <CostsLink />.</>
              )
            }
            remove={{
              provider: 'twilio',
              name: 'Twilio',
              consequence:
                'Your Account SID, token and sending number are forgotten on this computer. Text messages go back to practice (sandbox) until you set Twilio up again. Your Twilio account itself is not changed.',
              onRemoved: () => reset(null),
            }}
          />
        </Stack>
      </form>
    </SectionCard>
  );
}
