// The mailboxes salons commonly send from, with their mail server and the limits they allow.
import type { SmtpTlsMode } from '../../../shared/sending';

export interface SmtpPreset {
  id: 'gmail' | 'workspace' | 'microsoft' | 'zoho' | 'fastmail' | 'sendgrid';
  label: string;
  host: string;
  port: number;
  tls: SmtpTlsMode;
  /** Emails a day the mailbox allows; goes into the form's daily cap. */
  perDay: number;
  /** Emails a minute it allows; saved as Settings' emailPerMinute. */
  perMinute: number;
  /** The user name the mailbox wants, when it is always the same (SendGrid's "apikey"). */
  user?: string;
  /** What the user name and password are, and any setting to turn on first. */
  note: string;
}

export const SMTP_PRESETS: readonly SmtpPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    host: 'smtp.gmail.com',
    port: 587,
    tls: 'starttls',
    perDay: 500,
    perMinute: 20,
    note: 'User name: your full Gmail address. Password: an “app password” made in your Google Account under Security (it needs 2-Step Verification), not your usual password. Free Gmail sends up to 500 emails a day.',
  },
  {
    id: 'workspace',
    label: 'Google Workspace',
    host: 'smtp.gmail.com',
    port: 587,
    tls: 'starttls',
    perDay: 2000,
    perMinute: 20,
    note: 'User name: your full work email address. Password: an “app password” from your Google Account under Security. Google Workspace sends up to 2,000 emails a day.',
  },
  {
    id: 'microsoft',
    label: 'Microsoft 365 / Outlook',
    host: 'smtp.office365.com',
    port: 587,
    tls: 'starttls',
    perDay: 10000,
    perMinute: 30,
    note: 'User name: your full email address. Your Microsoft 365 administrator may need to turn on “Authenticated SMTP” for this mailbox first. Up to 10,000 emails a day, 30 a minute.',
  },
  {
    id: 'zoho',
    label: 'Zoho Mail',
    host: 'smtp.zoho.com',
    port: 587,
    tls: 'starttls',
    perDay: 300,
    perMinute: 5,
    note: 'User name: your full Zoho email address (use smtp.zoho.eu if your account is in Europe). Zoho Mail is meant for everyday mail and limits sending by the hour, so keep broadcasts small or check your plan’s limit.',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    host: 'smtp.fastmail.com',
    port: 465,
    tls: 'implicit',
    perDay: 500,
    perMinute: 10,
    note: 'User name: your full Fastmail address. Password: an app password made in Fastmail under Settings → Privacy & Security. The daily limit depends on your plan: check it and change the cap here.',
  },
  {
    id: 'sendgrid',
    label: 'SendGrid',
    host: 'smtp.sendgrid.net',
    port: 587,
    tls: 'starttls',
    perDay: 100,
    perMinute: 100,
    user: 'apikey',
    note: 'User name: the word apikey, exactly. Password: a SendGrid API key allowed to send mail. The free plan sends 100 emails a day: set your plan’s limit as the cap.',
  },
];

/**
 * The preset whose server this is, to show its advice again when the form is opened later. Gmail and
 * Google Workspace share a server: the daily cap tells them apart.
 */
export function presetFor(host: string, port: number, perDay: number | null): SmtpPreset | undefined {
  const normalized = host.trim().toLowerCase();
  const matches = SMTP_PRESETS.filter((preset) => preset.host === normalized && preset.port === port);
  return matches.find((preset) => preset.perDay === perDay) ?? matches[0];
}

export const TLS_LABELS: Record<SmtpTlsMode, string> = {
  starttls: 'STARTTLS (usually port 587)',
  implicit: 'SSL/TLS (usually port 465)',
  none: 'None (not safe)',
};

/** The port that usually goes with each kind of encryption, to fill in when the owner switches it. */
export const USUAL_PORTS: Record<SmtpTlsMode, number> = { starttls: 587, implicit: 465, none: 25 };
