// Plain-JSON shapes that cross from the core to the renderer: ISO strings for time, integer cents for money.
import type { AudienceFilter } from './audience';
import type { BroadcastDraft, BroadcastType, StepDto } from './broadcasts';
import type { Consent, ConsentChannel, ConsentStatus } from './contacts';
import type { QuietHours } from './schedule';

export const CHANNELS = ['sms', 'email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every state a delivery can be in. Final states never change again. */
export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'accepted',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'unknown',
  /** The provider took it but never reported whether it arrived, and 72 hours have passed: no more news will come. */
  'no_report',
  /** The broadcast was cancelled before this message went out. */
  'cancelled',
  /** Not sent: the client opted out or lost their address after launch, or the owner skipped the step. */
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['delivered', 'undelivered', 'failed', 'no_report', 'cancelled', 'skipped'];

export const BROADCAST_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled'] as const;
/** owner: paused by hand; budget: the budget cap was reached; provider: the provider kept failing (circuit open). */
export const PAUSE_REASONS = ['owner', 'budget', 'provider'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export interface ContactDto {
  id: number;
  name: string;
  firstName: string | null;
  lastName: string | null;
  /** E.164, e.g. +14155550123 */
  phone: string | null;
  email: string | null;
  /** 'YYYY-MM-DD', or '--MM-DD' without the year. */
  birthday: string | null;
  clientSince: string | null;
  lastVisitAt: string | null;
  /** 'YYYY-MM-DD': the next booking the booking system's export names; null: none known. */
  nextAppointmentAt: string | null;
  visitCount: number | null;
  totalSpentCents: number | null;
  notes: string | null;
  leadSource: string | null;
  market: string | null;
  product: string | null;
  leadStatus: string | null;
  state: string | null;
  zip: string | null;
  conversationStatus: string | null;
  appointmentStatus: string | null;
  customFields: Record<string, string>;
  tags: string[];
  consent: Consent;
  createdAt: string;
  updatedAt: string;
  /** Set when the email can only be sent in a particular way, e.g. it needs an SMTPUTF8 mail server. */
  emailNote?: string;
  /** Set when the phone was found unable to get texts (a landline, an unknown number): left out of text audiences. */
  smsUnusable: { code: string; reason: string; at: string } | null;
}

export interface ConsentEventDto {
  channel: ConsentChannel;
  status: ConsentStatus;
  /** Where it came from: "Import of clients.csv: Agreed to texts at booking", "Replied STOP", ... */
  source: string;
  at: string;
}

export interface ContactDetailDto extends ContactDto {
  consentHistory: ConsentEventDto[];
}

export interface TagDto {
  name: string;
  contacts: number;
}

export interface SegmentDto {
  id: number;
  name: string;
  filter: AudienceFilter;
  createdAt: string;
  updatedAt: string;
}

/** Why matched contacts cannot be reached on a channel. */
export interface ChannelReach {
  reachable: number;
  optedOut: number;
  noConsent: number;
  noAddress: number;
}

export interface AudienceSummaryDto {
  matched: number;
  sms: ChannelReach;
  email: ChannelReach;
  push: ChannelReach;
  /** A few matched contacts, to check the filter does what the owner meant. */
  sample: ContactDto[];
}

export interface ContactListDto {
  total: number;
  contacts: ContactDto[];
}

/**
 * The tracking numbers of one broadcast, counted by the same rule as DeliveryCountsDto
 * (electron/core/tracking/delivery-counts.ts); `recipients` here counts clients, not messages.
 */
export interface BroadcastStatsDto {
  recipients: number;
  /** Messages the provider took: on their way, delivered or undeliverable. */
  sent: number;
  delivered: number;
  failed: number;
  /** Not sent yet: waiting for their time, or being sent. */
  pending: number;
  /** Sent or refused: the base of the delivery rate, as everywhere else. */
  tried: number;
  /** Messages that will not go out because the broadcast was cancelled. */
  cancelled: number;
  /** Not sent because the client opted out after launch, or the owner skipped a missed step. */
  skipped: number;
  /** Cut off mid-send: being checked with the provider, or (email, push) waiting for the owner's word. */
  unknown: number;
  /** Sent, but the carrier never reported whether it arrived within 72 hours (counted in sent, not pending). */
  noReport: number;
  /** What the provider charged so far, in the salon's currency; estimates until prices are reported. */
  cost: number;
  /** What the sandbox's practice sends would have cost; nothing was charged. */
  practiceCost: number;
}

export type BroadcastAction = 'pause' | 'resume' | 'cancel';

/** What pausing, resuming or cancelling would do, told before the owner confirms. */
export interface BroadcastActionEffectDto {
  action: BroadcastAction;
  allowed: boolean;
  /** Messages not yet sent that the action affects. */
  waiting: number;
  message: string;
}

export interface BroadcastDto {
  id: number;
  name: string;
  type: BroadcastType;
  status: BroadcastStatus;
  audience: BroadcastDraft['audience'];
  /** Day 1, Day 2, ... in order. */
  steps: StepDto[];
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
  completedAt: string | null;
  /** Why it is paused; null unless paused. */
  pausedReason: PauseReason | null;
  /** Whether it can go back to a draft to change: scheduled and nothing of it sent yet. */
  canEdit: boolean;
  /** Set on a run of an automation (the app made it); null for the owner's own broadcasts. */
  automationId: number | null;
  stats: BroadcastStatsDto;
}

export interface DeliveryDto {
  id: number;
  day: number;
  channel: Channel;
  recipientName: string;
  address: string;
  status: DeliveryStatus;
  errorCode: string | null;
  errorMessage: string | null;
  updatedAt: string;
}

export interface SettingsDto {
  salonName: string;
  /** Printed under every marketing email, as the law asks (CAN-SPAM). */
  postalAddress: string;
  /** ISO 3166-1 alpha-2; the default region for phone numbers typed without +country. */
  country: string;
  /** IANA time zone of the salon. */
  timeZone: string;
  sendingPaused: boolean;
  startAtLogin: boolean;
  /** No marketing message goes out outside these hours, salon time; a step due then waits. */
  quietHours: QuietHours;
  /** ISO 4217, for prices and the budget cap. */
  currency: string;
  /** What one SMS segment costs, in `currency`, for estimates before launch. */
  smsPricePerSegment: number;
  /** A broadcast whose estimated cost is above this cannot be launched; null: no cap. */
  budgetCap: number | null;
  smsPerSecond: number;
  emailPerMinute: number;
  /** E.164; where test texts go. */
  ownerPhone: string | null;
  /** Where test emails go. */
  ownerEmail: string | null;
  /** How late a scheduled step may still go out by itself (the app was closed or asleep); later, the owner decides. */
  graceHours: number;
  /** At most this many marketing messages per client in any 7 days, across broadcasts and automations; null: no cap. */
  frequencyCap: number | null;
}

export interface AppInfoDto {
  version: string;
  /** Where the database lives, so the owner can back it up. */
  dataDir: string;
  /** 'desktop' inside Electron, 'web' in the browser host. */
  host: 'desktop' | 'web';
}

