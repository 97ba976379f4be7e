import { randomUUID } from 'node:crypto';
import { LIVE_CONFIRMATION, type ProviderName, type ProviderTestDto, type SendingDto } from '../../../shared/sending';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { AppError, invalidInput } from '../errors';
import type { OutgoingMessage } from '../providers/provider';
import type { PushEndpointRule } from '../push/push-endpoint';
import { parseSubscriptionFile } from '../push/subscription-file';
import type { PushSubscriptionsRepository } from '../push/push-subscriptions-repository';
import { generateVapidKeys, vapidSubject } from '../push/vapid';
import type { RepliesRepository } from '../replies/replies-repository';
import type { Handlers } from '../rpc/handlers';
import type { SecretName, SecretStore } from '../secrets/secret-store';
import type { SettingsRepository } from '../settings/settings-repository';
import type { ProviderRegistry } from './provider-registry';
import type { SendingRepository } from './sending-repository';

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

export function sendingHandlers(deps: SendingDeps): Pick<Handlers, Exclude<SendingMethods, 'sending.setPaused'>> {
  const { db, sending, secrets, settings, registry, pushSubscriptions, replies, clock, events } = deps;

  const view = (): SendingDto => {
    const config = sending.get();
    return {
      live: config.live,
      channels: registry.channelModes(),
      twilio: config.twilio && { ...config.twilio, secret: secrets.status('twilio.secret') },
      smtp: config.smtp && { ...config.smtp, password: secrets.status('smtp.password') },
      push: config.push && { ...config.push, subscriptions: pushSubscriptions.count() },
      secretsWarning: secrets.warning,
    };
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

  /** A new secret replaces the saved one; none given keeps it; none at all is an error. */
  const keepOrSet = (name: SecretName, value: string | undefined, at: Date, path: string, words: string) => {
    if (value) secrets.set(name, value, at);
    else if (!secrets.status(name).configured) throw invalidInput([{ path, message: words }]);
  };

  return {
    'sending.get': () => view(),

    'sending.saveTwilio': async ({ secret, ...config }) => {
      const apiKeySid = config.authKind === 'apiKey' ? config.apiKeySid : null;
      // Credentials Twilio refuses are never saved: they would only fail later, in front of clients.
      const candidate = secret ?? secrets.get('twilio.secret');
      const check = candidate ? await registry.checkTwilio({ ...config, apiKeySid, secret: candidate }) : undefined;
      if (check) throw invalidInput([{ path: 'secret', message: check.refused }]);
      return save('sending.twilio_saved', { accountSid: config.accountSid, authKind: config.authKind }, (at) => {
        keepOrSet('twilio.secret', secret, at, 'secret', config.authKind === 'token' ? 'Enter the Auth Token' : 'Enter the API Key secret');
        sending.set('sending.twilio', { ...config, apiKeySid });
      });
    },

    'sending.saveSmtp': async ({ password, ...config }) => {
      const candidate = password ?? secrets.get('smtp.password');
      const check = config.user && candidate ? await registry.checkSmtp(config, candidate) : undefined;
      if (check) throw invalidInput([{ path: 'password', message: check.refused }]);
      return save('sending.smtp_saved', { host: config.host, user: config.user }, (at) => {
        if (config.user) keepOrSet('smtp.password', password, at, 'password', 'Enter the mailbox password');
        sending.set('sending.smtp', config);
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

    'sending.test': async ({ provider }) => testProvider(deps, provider),

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
