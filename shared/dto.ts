// Plain-JSON shapes that cross from the core to the renderer: ISO strings for time, integer cents for money.

export const CHANNELS = ['sms', 'email'] as const;
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
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['delivered', 'undelivered', 'failed'];

export const BROADCAST_STATUSES = ['draft', 'sending', 'completed'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export interface ContactDto {
  id: number;
  name: string;
  /** E.164, e.g. +14155550123 */
  phone: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactListDto {
  total: number;
  contacts: ContactDto[];
}

/** The tracking numbers of one broadcast. Pending is everything not yet final. */
export interface BroadcastStatsDto {
  recipients: number;
  delivered: number;
  failed: number;
  pending: number;
}

export interface BroadcastDto {
  id: number;
  name: string;
  channel: Channel;
  status: BroadcastStatus;
  subject: string | null;
  body: string;
  createdAt: string;
  launchedAt: string | null;
  completedAt: string | null;
  stats: BroadcastStatsDto;
}

export interface DeliveryDto {
  id: number;
  recipientName: string;
  address: string;
  status: DeliveryStatus;
  errorCode: string | null;
  errorMessage: string | null;
  updatedAt: string;
}

export interface SettingsDto {
  salonName: string;
  /** ISO 3166-1 alpha-2; the default region for phone numbers typed without +country. */
  country: string;
  /** IANA time zone of the salon. */
  timeZone: string;
  /** Sandbox: nothing leaves the machine. The only mode until live providers are configured. */
  sendingMode: 'sandbox';
  sendingPaused: boolean;
  startAtLogin: boolean;
}

export interface AppInfoDto {
  version: string;
  /** Where the database lives, so the owner can back it up. */
  dataDir: string;
  /** 'desktop' inside Electron, 'web' in the browser host. */
  host: 'desktop' | 'web';
}

export interface AudienceCountDto {
  channel: Channel;
  /** Contacts a broadcast on this channel would reach now. */
  reachable: number;
  /** Contacts left out because they have no address for this channel. */
  missingAddress: number;
}
