import { Marked, type Token } from 'marked';
import type { StepDraft } from '../../../shared/broadcasts';
import type { Channel } from '../../../shared/dto';
import { renderTemplate, type TokenValues } from '../../../shared/personalise';
import { readCustomFields } from '../contacts/custom-field-values';
import { plainTextOf } from './markdown-text';
import { isImageAddress, isLinkAddress, personaliseAddress } from './message-links';

/** Who the salon is, as messages sign off. */
export interface SalonIdentity {
  name: string;
  postalAddress: string;
}

/** The recipient data personalisation uses, as snapshotted at launch (or read live for a preview). */
export interface Recipient {
  name: string;
  firstName: string | null;
  lastName: string | null;
  /** JSON object of strings, as stored. */
  customFields: string;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

export const SMS_OPT_OUT_LINE = 'Reply STOP to opt out';
export const EMAIL_UNSUBSCRIBE_LINE = 'To stop receiving these emails, reply with “unsubscribe”.';

// Raw HTML in the owner's Markdown is shown as text: an email body is written, not coded. A link
// or image to anything but the web (a link may also be to an email or phone) keeps only its text.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link(token) {
      return isLinkAddress(token.href) ? false : this.parser.parseInline(token.tokens);
    },
    image(token) {
      return isImageAddress(token.href) ? false : escapeHtml(token.text);
    },
  },
});

export function tokenValues(recipient: Recipient, salon: SalonIdentity): TokenValues {
  return {
    firstName: recipient.firstName,
    lastName: recipient.lastName,
    fullName: recipient.name,
    salonName: salon.name,
    custom: readCustomFields(recipient.customFields),
  };
}

/** The text exactly as the phone shows it: tokens filled, and the opt-out line unless removed. */
export function composeSms(content: StepDraft['sms'], values: TokenValues): string {
  const text = renderTemplate(content.body, values);
  return content.optOutLine ? `${text}\n${SMS_OPT_OUT_LINE}` : text;
}

/**
 * The email as sent: the Markdown body becomes HTML and readable plain text, both ending with who
 * sent it, where they are and how to stop (CAN-SPAM). Link addresses are personalised first, with
 * values percent-encoded; the other tokens are filled after the Markdown is read, with the values
 * HTML-escaped in the HTML, so a client's name can never add markup or change where a link goes.
 */
export function composeEmail(content: StepDraft['email'], values: TokenValues, salon: SalonIdentity): ComposedEmail {
  const tokens = markdownTokens(content.body, values);
  const bodyHtml = renderTemplate(markdown.parser(tokens), values, escapeHtml);
  const footer = footerLines(salon);
  return {
    subject: renderTemplate(content.subject, values),
    text: `${renderTemplate(plainTextOf(tokens), values)}\n\n—\n${footer.join('\n')}`,
    html:
      `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5; color: #222;">${bodyHtml}` +
      `<hr style="border: none; border-top: 1px solid #ddd; margin-top: 2em;">` +
      `<p style="font-size: 12px; color: #666;">${footer.map(escapeHtml).join('<br>')}</p></body></html>`,
  };
}

/** The body as marked reads it, with every link and image address personalised (or emptied, and so dropped). */
function markdownTokens(body: string, values: TokenValues): Token[] {
  const tokens = markdown.lexer(body);
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'link' || token.type === 'image') token.href = personaliseAddress(token.href as string, values) ?? '';
  });
  return tokens;
}

export function composePush(content: StepDraft['push'], values: TokenValues): { title: string; body: string; url: string } {
  return {
    title: renderTemplate(content.title, values),
    body: renderTemplate(content.body, values),
    url: personaliseAddress(content.url, values) ?? '',
  };
}

/** One delivery's message on its channel: what the provider is given. */
export function composeMessage(
  channel: Channel,
  step: Pick<StepDraft, 'sms' | 'email' | 'push'>,
  recipient: Recipient,
  salon: SalonIdentity,
): { subject: string | null; body: string; html: string | null; url: string | null } {
  const values = tokenValues(recipient, salon);
  if (channel === 'sms') return { subject: null, body: composeSms(step.sms, values), html: null, url: null };
  if (channel === 'push') {
    const push = composePush(step.push, values);
    return { subject: push.title, body: push.body, html: null, url: push.url };
  }
  const email = composeEmail(step.email, values, salon);
  return { subject: email.subject, body: email.text, html: email.html, url: null };
}

function footerLines(salon: SalonIdentity): string[] {
  return [salon.name, salon.postalAddress, EMAIL_UNSUBSCRIBE_LINE].filter((line) => line.trim() !== '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
