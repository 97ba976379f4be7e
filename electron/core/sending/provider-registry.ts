import type { Agent } from 'node:https';
import type { Channel } from '../../../shared/dto';
import type { SendingDto } from '../../../shared/sending';
import type { Clock } from '../clock';
import type { CredentialCheck, Provider } from '../providers/provider';
import { createPushProvider } from '../providers/push/push-provider';
import { createRateLimiter, type RateLimits } from '../providers/rate-limiter';
import { checkSmtpLogin, createSmtpProvider, type SmtpAccount } from '../providers/smtp/smtp-provider';
import { checkTwilioCredentials, createTwilioProvider, type TwilioAccount } from '../providers/twilio/twilio-provider';
import type { Route } from '../delivery/routes';
import type { PushSubscriptionsRepository } from '../push/push-subscriptions-repository';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsRepository } from '../settings/settings-repository';
import type { SendingConfig, SendingRepository } from './sending-repository';

/** Where the real providers are reached; tests and the bench point them at local peers. */
export interface ProviderEndpoints {
  twilioBaseUrl?: string;
  /** A certificate authority to trust for SMTP (a local test server's self-signed one). */
  smtpCa?: string;
  /** The HTTPS agent for push services (one that trusts a local test service). */
  pushAgent?: Agent;
  /**
   * Accept and send to push subscriptions on this computer (https://127.0.0.1:PORT): only tests set
   * it, to reach the local push double. Private networks stay refused whatever it says.
   */
  allowLoopbackPush?: boolean;
  timeoutMs?: number;
}

/** A provider given in place of a channel's (tests, benchmarks), with the rate it may be sent to. */
export interface ProviderOverride {
  provider: Provider;
  limits: RateLimits;
}

export interface RegistryParts {
  sending: SendingRepository;
  secrets: SecretStore;
  settings: SettingsRepository;
  pushSubscriptions: PushSubscriptionsRepository;
  sandbox: Provider;
  sandboxPerSecond: number;
  clock: Clock;
  endpoints?: ProviderEndpoints;
  overrides?: Partial<Record<Channel, ProviderOverride>>;
}

/** The mailbox settings a sign-in needs (a saved config, or one about to be saved). */
type SmtpSettings = Omit<NonNullable<SendingConfig['smtp']>, 'checkedAt' | 'uncheckedReason'>;

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';

type Built = { provider: Provider; limits: RateLimits; dailyCap: number | null; live: boolean };

/**
 * Which provider carries each channel right now: the sandbox until a provider is set up and live
 * sending is on. Routes are rebuilt only when the sending config or the rates change; a limiter is
 * kept per provider account, so broadcasts sharing an account share its limits.
 */
export class ProviderRegistry {
  private cacheKey = '';
  private cached: Route[] = [];
  private readonly limiters = new Map<string, { key: string; limiter: Route['limiter'] }>();

  constructor(private readonly parts: RegistryParts) {}

  routes(): Route[] {
    const config = this.parts.sending.get();
    const { smsPerSecond, emailPerMinute } = this.parts.settings.get();
    const key = JSON.stringify([this.parts.sending.version, smsPerSecond, emailPerMinute]);
    if (key === this.cacheKey) return this.cached;
    const previous = this.cached;
    this.cacheKey = key;
    this.cached = this.build(config, smsPerSecond, emailPerMinute);
    const kept = new Set(this.cached.map((route) => route.provider));
    for (const route of previous) if (!kept.has(route.provider)) void route.provider.close?.();
    return this.cached;
  }

  /** The provider carrying `channel` now. */
  providerFor(channel: Channel): Provider {
    return this.routes().find((route) => route.channels.includes(channel))?.provider ?? this.parts.sandbox;
  }

  /** Where each channel's messages go now, for Settings. */
  channelModes(): SendingDto['channels'] {
    const modes: SendingDto['channels'] = { sms: 'sandbox', email: 'sandbox', push: 'sandbox' };
    for (const route of this.routes()) for (const channel of route.channels) modes[channel] = route.live ? 'live' : 'sandbox';
    return modes;
  }

  /** A provider for one channel built from `config`, not yet saved: for "Send test". */
  candidate(channel: Channel, config: SendingConfig): Provider | undefined {
    return this.buildLive(channel, config, 1, 1)?.provider;
  }

  /** Where Twilio's API is reached: its own address, or a local peer in tests. */
  twilioBaseUrl(): string {
    return this.parts.endpoints?.twilioBaseUrl ?? TWILIO_API_BASE_URL;
  }

  /** Whether Twilio takes these credentials (before they are saved). */
  checkTwilio(account: Omit<TwilioAccount, 'baseUrl' | 'timeoutMs'>): Promise<CredentialCheck> {
    const { endpoints } = this.parts;
    return checkTwilioCredentials({
      ...account,
      baseUrl: this.twilioBaseUrl(),
      ...(endpoints?.timeoutMs && { timeoutMs: endpoints.timeoutMs }),
    });
  }

  /** Whether the mail server takes this sign-in (before it is saved). */
  checkSmtp(smtp: SmtpSettings, password: string): Promise<CredentialCheck> {
    return checkSmtpLogin(this.smtpAccount(smtp, password));
  }

  async close(): Promise<void> {
    await Promise.all(this.cached.map((route) => Promise.all([route.limiter.stop(), route.provider.close?.()])));
    this.cached = [];
    this.cacheKey = '';
  }

  private build(config: SendingConfig, smsPerSecond: number, emailPerMinute: number): Route[] {
    const routes = new Map<string, Route>();
    for (const channel of ['sms', 'email', 'push'] as const) {
      const override = this.parts.overrides?.[channel];
      const live = config.live ? this.buildLive(channel, config, smsPerSecond, emailPerMinute) : undefined;
      const built: Built = override
        ? { ...override, dailyCap: null, live: false }
        : (live ?? { provider: this.parts.sandbox, limits: { perSecond: this.parts.sandboxPerSecond }, dailyCap: null, live: false });
      const existing = routes.get(built.provider.id);
      if (existing) {
        existing.channels.push(channel);
        continue;
      }
      routes.set(built.provider.id, {
        provider: built.provider,
        channels: [channel],
        limiter: this.limiterFor(built.provider.id, built.limits),
        perSecond: built.limits.perSecond ?? (built.limits.perMinute ?? 60) / 60,
        dailyCap: built.dailyCap,
        live: built.live,
      });
    }
    return [...routes.values()];
  }

  private buildLive(channel: Channel, config: SendingConfig, smsPerSecond: number, emailPerMinute: number): Built | undefined {
    const { secrets, clock, endpoints } = this.parts;
    if (channel === 'sms' && config.twilio) {
      const secret = secrets.get('twilio.secret');
      // The secret goes only to the address it was saved for.
      if (!secret || config.twilio.baseUrl !== this.twilioBaseUrl()) return undefined;
      const { accountSid, authKind, apiKeySid, from, messagingServiceSid, dailyCap } = config.twilio;
      const provider = createTwilioProvider(
        {
          accountSid,
          secret,
          apiKeySid: authKind === 'apiKey' ? apiKeySid : null,
          from,
          messagingServiceSid,
          baseUrl: config.twilio.baseUrl,
          ...(endpoints?.timeoutMs && { timeoutMs: endpoints.timeoutMs }),
        },
        clock,
      );
      return { provider, limits: { perSecond: smsPerSecond }, dailyCap, live: true };
    }
    if (channel === 'email' && config.smtp) {
      const smtp = config.smtp;
      const password = smtp.user ? secrets.get('smtp.password') : '';
      if (password === null) return undefined;
      const provider = createSmtpProvider(this.smtpAccount(smtp, password));
      return { provider, limits: { perMinute: emailPerMinute }, dailyCap: smtp.perDay, live: true };
    }
    if (channel === 'push' && config.push) {
      const privateKey = secrets.get('push.privateKey');
      if (!privateKey) return undefined;
      const provider = createPushProvider({
        vapid: { ...config.push, privateKey },
        ...(endpoints?.pushAgent && { agent: endpoints.pushAgent }),
        ...(endpoints?.allowLoopbackPush && { allowLoopback: true }),
        ...(endpoints?.timeoutMs && { timeoutMs: endpoints.timeoutMs }),
        onGone: (endpoint) => this.parts.pushSubscriptions.removeByEndpoint(endpoint),
      });
      return { provider, limits: { perSecond: PUSH_PER_SECOND }, dailyCap: null, live: true };
    }
    return undefined;
  }

  private smtpAccount(smtp: SmtpSettings, password: string): SmtpAccount {
    const { endpoints } = this.parts;
    return {
      ...smtp,
      password,
      unsubscribeAddress: smtp.replyTo ?? smtp.fromAddress,
      ...(endpoints?.smtpCa && { ca: endpoints.smtpCa }),
      ...(endpoints?.timeoutMs && { timeoutMs: endpoints.timeoutMs }),
    };
  }

  private limiterFor(providerId: string, limits: RateLimits): Route['limiter'] {
    const key = JSON.stringify(limits);
    const existing = this.limiters.get(providerId);
    if (existing?.key === key) return existing.limiter;
    void existing?.limiter.stop();
    const limiter = createRateLimiter(limits);
    this.limiters.set(providerId, { key, limiter });
    return limiter;
  }
}

/** Push services take notifications quickly; this only keeps a big send from hogging the machine. */
const PUSH_PER_SECOND = 50;
