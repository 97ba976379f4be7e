import type { BroadcastType } from '../../../shared/broadcasts';

/** What each broadcast type is called on screen. */
export const TYPE_LABELS: Record<BroadcastType, string> = {
  sms: 'Text message',
  email: 'Email',
  sms_email: 'Text & email',
  push: 'App notification',
};
