import { describe, expect, it } from 'vitest';
import { smtpConfigSchema } from '../../../shared/sending';
import { presetFor, SMTP_PRESETS, USUAL_PORTS } from './smtpPresets';

const byId = (id: string) => SMTP_PRESETS.find((preset) => preset.id === id);

describe('mailbox presets', () => {
  it('know the common mailboxes’ servers and limits', () => {
    expect(byId('gmail')).toMatchObject({ host: 'smtp.gmail.com', port: 587, tls: 'starttls', perDay: 500, perMinute: 20 });
    expect(byId('workspace')).toMatchObject({ host: 'smtp.gmail.com', port: 587, tls: 'starttls', perDay: 2000, perMinute: 20 });
    expect(byId('microsoft')).toMatchObject({ host: 'smtp.office365.com', port: 587, tls: 'starttls', perDay: 10000, perMinute: 30 });
    expect(byId('sendgrid')).toMatchObject({ host: 'smtp.sendgrid.net', port: 587, tls: 'starttls', user: 'apikey' });
    expect(byId('zoho')).toMatchObject({ host: 'smtp.zoho.com' });
    expect(byId('fastmail')).toMatchObject({ host: 'smtp.fastmail.com', port: 465, tls: 'implicit' });
  });

  it('fill in only values the contract accepts, and speeds Settings accepts', () => {
    for (const preset of SMTP_PRESETS) {
      const filled = smtpConfigSchema.safeParse({
        host: preset.host,
        port: preset.port,
        tls: preset.tls,
        user: preset.user ?? 'owner@salon.com',
        fromName: 'Salon',
        fromAddress: 'owner@salon.com',
        replyTo: null,
        perDay: preset.perDay,
      });
      expect(filled.success, preset.label).toBe(true);
      expect(Number.isInteger(preset.perMinute) && preset.perMinute >= 1 && preset.perMinute <= 10_000).toBe(true);
      // The encryption matches the port, as the mailbox expects it.
      expect(preset.port, preset.label).toBe(USUAL_PORTS[preset.tls]);
    }
  });

  it('recognise a saved server, telling Gmail from Google Workspace by the daily cap', () => {
    expect(presetFor(' SMTP.Gmail.com ', 587, 2000)?.id).toBe('workspace');
    expect(presetFor('smtp.gmail.com', 587, 500)?.id).toBe('gmail');
    expect(presetFor('smtp.gmail.com', 587, null)?.id).toBe('gmail');
    expect(presetFor('smtp.gmail.com', 465, 500)).toBeUndefined();
    expect(presetFor('mail.example.com', 587, null)).toBeUndefined();
  });
});
