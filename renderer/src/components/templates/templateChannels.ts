import type { TemplateChannel } from '../../../../shared/templates';

/** How the owner names each channel's templates: the tab, and one template in a sentence. */
export const TEMPLATE_CHANNEL_WORDS: Record<TemplateChannel, { tab: string; one: string }> = {
  sms: { tab: 'Texts', one: 'text' },
  email: { tab: 'Emails', one: 'email' },
  push: { tab: 'App notifications', one: 'app notification' },
};
