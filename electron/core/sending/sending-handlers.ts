import { randomUUID } from 'node:crypto';
import { LIVE_CONFIRMATION, smtpPasswordReusable, twilioSecretReusable, type ProviderName, type ProviderTestDto, type SendingDto } from '../../../shared/sending';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { AppError, invalidInput } from '../errors';
import { isLoopbackHost } from '../net/loopback-host';
import type { CredentialCheck, OutgoingMessage } from '../providers/provider';
import type { PushEndpointRule } from '../push/push-endpoint';
import { parseSubscriptionFile } from '../push/subscription-file';
import type { PushSubscriptionsRepository } from '../push/push-subscriptions-repository';
import { generateVapidKeys, vapidSubject } from '../push/vapid';
import type { RepliesRepository } from '../replies/replies-repository';
import type { Handlers } from '../rpc/handlers';
import type { SecretName, SecretStore } from '../secrets/secret-store';
import type { SettingsRepository } from '../settings/settings-repository';
import type { ProviderRegistry } from './provider-registry';
import type { SendingRepository, StoredTwilio } from './sending-repository';

export interface SendingDeps {
  db: Db;
  sending: SendingRepository;
  secrets: SecretStore;
  settings: SettingsRepository;
  registry: ProviderRegistry;
  pushSubscriptions: PushSubscriptionsRepository;
  replies: RepliesRepository;
  clock: Clock;
  events: CoreEvents;
  /** Which subscription endpoints are accepted (tests allow the local push double). */
  pushEndpoints?: PushEndpointRule;
}

type SendingMethods = Extract<keyof Handlers, `sending.${string}` | 'replies.list'>;

const SECRET_OF: Record<ProviderName, SecretName> = { twilio: 'twilio.secret', smtp: 'smtp.password', push: 'push.privateKey' };
const CONFIG_KEY = { twilio: 'sending.twilio', smtp: 'sending.smtp', push: 'sending.push' } as const;

const UNENCRYPTED_PASSWORD =
  'Choose STARTTLS or SSL/TLS: without encryption the password would cross the network in clear text. Only a mail server on this computer may go without.';

/** The saved Twilio settings as the renderer sees them: where the API lives is the core's business. */
function withoutBaseUrl({ baseUrl: _baseUrl, ...rest }: StoredTwilio): Omit<StoredTwilio, 'baseUrl'> {
  return rest;
}

const SECRET_WORDS: Record<SecretName, string> = {
  'twilio.secret': 'the Twilio token',
  'smtp.password': 'the mailbox password',
  'push.privateKey': 'the push keys',
};

/** The cipher's own warning, and why saved passwords are asked for again when they cannot be read. */
function secretsWarning(secrets: SecretStore): string | null {
  const unreadable = secrets.unreadable().map((name) => SECRET_WORDS[name]);
  const lost =
    unreadable.length > 0
      ? `Saved passwords could not be read on this computer: ${unreadable.join(', ')}. This happens when the data folder is restored or moved without its key, which is kept apart from the data on purpose. Enter them again below (push: make new keys).`
      : null;
  return [lost, secrets.warning].filter(Boolean).join(' ') || null;
}

/** What is kept of a check: when it passed, or why it could not be made (offline). */
function checkResult(check: CredentialCheck, at: Date): { checkedAt: string | null; uncheckedReason: string | null } {
  return check.kind === 'accepted' ? { checkedAt: at.toISOString(), uncheckedReason: null } : { checkedAt: null, uncheckedReason: check.kind === 'unchecked' ? check.reason : null };
}

export function sendingHandlers(deps: SendingDeps): Pick<Handlers, Exclude<SendingMethods, 'sending.setPaused'>> {
  const { db, sending, secrets, settings, registry, pushSubscriptions, replies, clock, events } = deps;

  const view = (): SendingDto => {
    const config = sending.get();
    return {
      live: config.live,
      channels: registry.channelModes(),
      twilio: config.twilio && { ...withoutBaseUrl(config.twilio), secret: secrets.status('twilio.secret') },
      smtp: config.smtp && { ...config.smtp, password: secrets.status('smtp.password') },
      push: config.push && { ...config.push, subscriptions: pushSubscriptions.count() },
      secretsWarning: secretsWarning(secrets),
    };
  };

  /** A test that went through checks details saved without a check (offline). */
  const markChecked = (provider: ProviderName): void => {
    const config = sending.get();
    const checked = { checkedAt: clock.now().toISOString(), uncheckedReason: null };
    if (provider === 'twilio' && config.twilio?.checkedAt === null) sending.set('sending.twilio', { ...config.twilio, ...checked });
    else if (provider === 'smtp' && config.smtp?.checkedAt === null) sending.set('sending.smtp', { ...config.smtp, ...checked });
    else return;
    events.emit('sending.changed', view());
  };

  /** Save a change in one transaction, audited (never with a secret), and tell every window. */
  const save = (action: string, detail: object, change: (at: Date) => void): SendingDto => {
    const at = clock.now();
    db.transaction(() => {
      change(at);
      recordAudit(db, at, action, null, detail);
    });
    const updated = view();
    events.emit('sending.changed', updated);
    return updated;
  };

  return {
    'sending.get': () => view(),

    'sending.saveTwilio': async ({ secret, ...input }) => {
      const config = { ...input, apiKeySid: input.authKind === 'apiKey' ? input.apiKeySid : null, baseUrl: registry.twilioBaseUrl() };
      const saved = sending.get().twilio;
      const reusable = saved !== null && saved.baseUrl === config.baseUrl && twilioSecretReusable(saved, config);
      const kind = config.authKind === 'token' ? 'Auth Token' : 'API Key secret';
      const candidate = secret || (reusable ? secrets.get('twilio.secret') : null);
      if (!candidate) throw invalidInput([{ path: 'secret', message: saved ? `Enter the ${kind} again: a saved one only goes to the account it was saved for` : `Enter the ${kind}` }]);
      // Credentials Twilio refuses are never saved: they would only fail later, in front of clients.
      const check = await registry.checkTwilio({ ...config, secret: candidate });
      if (check.kind === 'refused') throw invalidInput([{ path: 'secret', message: check.message }]);
      return save('sending.twilio_saved', { accountSid: config.accountSid, authKind: config.authKind }, (at) => {
        if (secret) secrets.set('twilio.secret', secret, at);
        sending.set('sending.twilio', { ...config, ...checkResult(check, at) });
      });
    },

    'sending.saveSmtp': async ({ password, ...config }) => {
      if (config.user && config.tls === 'none' && !isLoopbackHost(config.host)) {
        throw invalidInput([{ path: 'tls', message: UNENCRYPTED_PASSWORD }]);
      }
      const saved = sending.get().smtp;
      const reusable = smtpPasswordReusable(saved, config);
      const candidate = config.user ? password || (reusable ? secrets.get('smtp.password') : null) : '';
      if (candidate === null) {
        throw invalidInput([{ path: 'password', message: saved?.user ? 'Enter the password again: a saved one only goes to the mail server and user it was saved for' : 'Enter the mailbox password' }]);
      }
      const check = await registry.checkSmtp(config, candidate);
      if (check.kind === 'refused') throw invalidInput([{ path: 'password', message: check.message }]);
      return save('sending.smtp_saved', { host: config.host, user: config.user }, (at) => {
        if (password) secrets.set('smtp.password', password, at);
        sending.set('sending.smtp', { ...config, ...checkResult(check, at) });
      });
    },

    'sending.generatePushKeys': () => {
      const subject = vapidSubject(settings.get().ownerEmail);
      const keys = generateVapidKeys();
      return save('sending.push_keys_generated', { publicKey: keys.publicKey }, (at) => {
        secrets.set('push.privateKey', keys.privateKey, at);
        sending.set('sending.push', { publicKey: keys.publicKey, subject });
      });
    },

    'sending.removeProvider': ({ provider }) =>
      save('sending.provider_removed', { provider }, () => {
        secrets.remove(SECRET_OF[provider]);
        sending.set(CONFIG_KEY[provider], null);
      }),

    'sending.setLive': ({ live, confirmation }) => {
      if (live) {
        if (confirmation !== LIVE_CONFIRMATION) {
          throw invalidInput([{ path: 'confirmation', message: `Type “${LIVE_CONFIRMATION}” to turn on live sending.` }]);
        }
        const config = sending.get();
        if (!config.twilio && !config.smtp && !config.push) {
          throw new AppError('conflict', 'Set up a text, email or push provider first: live sending needs somewhere to send.');
        }
      }
      return save(live ? 'sending.live_on' : 'sending.live_off', {}, () => sending.set('sending.live', live));
    },

    'sending.test': async ({ provider }) => {
      const result = await testProvider(deps, provider);
      if (result.ok) markChecked(provider);
      return result;
    },

    'sending.importSubscriptions': ({ format, text }) => {
      const parsed = parseSubscriptionFile(format, text, deps.pushEndpoints);
      const result = db.transaction(() => pushSubscriptions.importRows(parsed.rows, settings.get().country, clock.now()));
      recordAudit(db, clock.now(), 'sending.subscriptions_imported', null, { linked: result.linked });
      events.emit('sending.changed', view());
      return { ...result, invalid: [...parsed.invalid, ...result.invalid].sort((a, b) => a.line - b.line) };
    },

    'replies.list': (query) => replies.list(query),
  };
}

const CHANNEL_OF = { twilio: 'sms', smtp: 'email', push: 'push' } as const;

/** Send one real message to the owner through the saved provider, whether or not live sending is on. */
async function testProvider({ sending, settings, registry, pushSubscriptions }: SendingDeps, name: ProviderName): Promise<ProviderTestDto> {
  const config = sending.get();
  const current = settings.get();
  const channel = CHANNEL_OF[name];
  const provider = registry.candidate(channel, config);
  if (!provider) return { ok: false, message: 'Save this provider’s settings (with its password or token) before testing it.' };
  const message = testMessage(name, current.salonName, current.ownerPhone, current.ownerEmail, pushSubscriptions);
  if (typeof message === 'string') return { ok: false, message };
  try {
    const outcome = await provider.send(message);
    switch (outcome.kind) {
      case 'accepted':
        return { ok: true, message: `It worked: ${TEST_SENT_TO[name](message.to)}.` };
      case 'ambiguous':
        return { ok: false, message: 'No clear answer came back, so the test may or may not arrive. If nothing comes within a few minutes, test again.' };
      default:
        return { ok: false, message: outcome.message };
    }
  } finally {
    await provider.close?.();
  }
}

const TEST_SENT_TO: Record<ProviderName, (to: string) => string> = {
  twilio: (to) => `a test text went to ${to}`,
  smtp: (to) => `a test email went to ${to}`,
  // An endpoint is a long URL that means nothing to the owner.
  push: () => 'a test notification went to the newest subscribed browser',
};

function testMessage(
  name: ProviderName,
  salonName: string,
  ownerPhone: string | null,
  ownerEmail: string | null,
  pushSubscriptions: PushSubscriptionsRepository,
): OutgoingMessage | string {
  const base = { key: `test-${randomUUID()}`, html: null };
  const text = `Test from ${salonName}: sending works.`;
  if (name === 'twilio') {
    if (!ownerPhone) return 'Add your own mobile number in Settings first: the test text goes there.';
    return { ...base, channel: 'sms', to: ownerPhone, subject: null, body: text };
  }
  if (name === 'smtp') {
    if (!ownerEmail) return 'Add your own email in Settings first: the test email goes there.';
    return { ...base, channel: 'email', to: ownerEmail, subject: `Test from ${salonName}`, body: text };
  }
  const subscription = pushSubscriptions.newest();
  if (!subscription) return 'Import at least one push subscription first: the test goes to the newest one.';
  return {
    ...base,
    channel: 'push',
    to: subscription.endpoint,
    subject: salonName,
    body: text,
    push: { p256dh: subscription.p256dh, auth: subscription.auth, url: '' },
  };
}
