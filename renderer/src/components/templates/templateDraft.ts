import type { MethodInput } from '../../../../shared/contract';
import type { TemplateChannel, TemplateDto } from '../../../../shared/templates';

/** What the template form holds: every channel's fields as typed; only the channel's own are saved. */
export interface TemplateDraft {
  name: string;
  channel: TemplateChannel;
  subject: string;
  title: string;
  body: string;
  url: string;
}

export function draftFrom(template: TemplateDto | TemplateChannel): TemplateDraft {
  const draft: TemplateDraft = { name: '', channel: 'sms', subject: '', title: '', body: '', url: '' };
  if (typeof template === 'string') return { ...draft, channel: template };
  const { name, channel, content } = template;
  return { ...draft, name, channel, ...content };
}

export function toSaveInput(draft: TemplateDraft, id: number | undefined): MethodInput<'templates.save'> {
  const { body } = draft;
  const saved = { ...(id !== undefined && { id }), name: draft.name };
  switch (draft.channel) {
    case 'sms':
      return { ...saved, channel: 'sms', content: { body } };
    case 'email':
      return { ...saved, channel: 'email', content: { subject: draft.subject, body } };
    case 'push': {
      // An empty link means none: the notification opens the app.
      const url = withScheme(draft.url.trim());
      return { ...saved, channel: 'push', content: { title: draft.title, body, ...(url && { url }) } };
    }
  }
}

/** "salon.dev/book" is how people write a web address: read it as https://salon.dev/book. */
function withScheme(url: string): string {
  return url === '' || /^[a-z][a-z\d+.-]*:/i.test(url) ? url : `https://${url}`;
}
