import { describe, expect, it } from 'vitest';
import type { SmtpConfigDto, TwilioConfigDto } from '../../../shared/sending';
import {
  compactNumber,
  secretPlaceholder,
  smtpDraftFrom,
  smtpInput,
  twilioDraftFrom,
  twilioInput,
  savedMessage,
  smtpPasswordKept,
  twilioSecretKept,
  type FormResult,
} from './providerForms';

const SID = `AC${'a1'.repeat(16)}`;
const KEY = `SK${'b2'.repeat(16)}`;
const SERVICE = `MG${'c3'.repeat(16)}`;

const savedTwilio: TwilioConfigDto = {
  accountSid: SID,
  authKind: 'token',
  apiKeySid: null,
  secret: { configured: true, last4: '9f3e' },
  checkedAt: '2026-12-01T10:00:00.000Z',
  uncheckedReason: null,
  from: '+14155550123',
  messagingServiceSid: null,
  dailyCap: null,
};

const savedSmtp: SmtpConfigDto = {
  host: 'smtp.gmail.com',
  port: 587,
  tls: 'starttls',
  user: 'owner@salon.com',
  password: { configured: true, last4: 'wxyz' },
  checkedAt: null,
  uncheckedReason: 'no connection to the mail server',
  fromName: 'Studio',
  fromAddress: 'owner@salon.com',
  replyTo: null,
  perDay: 500,
};

const paths = (result: FormResult<unknown>): string[] => (result.ok ? [] : result.issues.map((issue) => issue.path));

describe('the Twilio form', () => {
  it('keeps the saved token when its box is left empty, and sends no secret', () => {
    const draft = twilioDraftFrom(savedTwilio);
    expect(draft).toMatchObject({ accountSid: SID, sender: 'number', from: '+14155550123', secret: '', dailyCap: '' });
    expect(twilioInput(draft, savedTwilio)).toEqual({
      ok: true,
      input: { accountSid: SID, authKind: 'token', apiKeySid: null, from: '+14155550123', messagingServiceSid: null, dailyCap: null },
    });
  });

  it('asks for a secret when none is saved, or the saved one belongs to another kind of key', () => {
    const fresh = { ...twilioDraftFrom(null), accountSid: SID, from: '+14155550123' };
    expect(paths(twilioInput(fresh, null))).toEqual(['secret']);
    const toApiKey = { ...twilioDraftFrom(savedTwilio), authKind: 'apiKey' as const, apiKeySid: KEY };
    expect(twilioSecretKept(savedTwilio, toApiKey)).toBe(false);
    const otherAccount = { ...twilioDraftFrom(savedTwilio), accountSid: `AC${'d4'.repeat(16)}` };
    expect(twilioSecretKept(savedTwilio, otherAccount)).toBe(false);
    expect(paths(twilioInput(otherAccount, savedTwilio))).toEqual(['secret']);
    expect(paths(twilioInput(toApiKey, savedTwilio))).toEqual(['secret']);
    expect(twilioInput({ ...toApiKey, secret: ' s3cret ' }, savedTwilio)).toMatchObject({
      ok: true,
      input: { authKind: 'apiKey', apiKeySid: KEY, secret: 's3cret' },
    });
  });

  it('sends the number as Twilio wants it, or the Messaging Service instead', () => {
    const draft = { ...twilioDraftFrom(savedTwilio), from: '+1 (415) 555-0199', dailyCap: 250 };
    expect(twilioInput(draft, savedTwilio)).toMatchObject({ ok: true, input: { from: '+14155550199', messagingServiceSid: null, dailyCap: 250 } });
    const service = { ...draft, sender: 'service' as const, messagingServiceSid: ` ${SERVICE} ` };
    expect(twilioInput(service, savedTwilio)).toMatchObject({ ok: true, input: { from: null, messagingServiceSid: SERVICE } });
  });

  it('reports the contract’s problems on their fields', () => {
    const draft = { ...twilioDraftFrom(savedTwilio), from: '4155550123', dailyCap: '-' };
    expect(paths(twilioInput(draft, savedTwilio)).sort()).toEqual(['dailyCap', 'from']);
    // Another (here malformed) account also needs its own token.
    expect(paths(twilioInput({ ...draft, accountSid: 'AC123' }, savedTwilio)).sort()).toEqual(['accountSid', 'dailyCap', 'from', 'secret']);
  });

  it('shows what is saved in the empty secret box', () => {
    expect(secretPlaceholder(savedTwilio.secret, true, 'Paste it')).toBe('Saved, ends in ••••9f3e');
    expect(secretPlaceholder(savedTwilio.secret, false, 'Paste it')).toBe('Paste it');
    expect(secretPlaceholder({ configured: false, last4: null }, true, 'Paste it')).toBe('Paste it');
    expect(compactNumber('+1 (415) 555-0199')).toBe('+14155550199');
  });
});

describe('the email form', () => {
  it('starts a new mailbox from the salon’s name and the owner’s email', () => {
    expect(smtpDraftFrom(null, { salonName: 'Studio', ownerEmail: 'me@salon.com' })).toMatchObject({
      port: 587,
      tls: 'starttls',
      fromName: 'Studio',
      fromAddress: 'me@salon.com',
      perDay: '',
    });
  });

  it('keeps the saved password when its box is left empty', () => {
    const draft = smtpDraftFrom(savedSmtp, { salonName: 'x', ownerEmail: null });
    expect(smtpInput({ ...draft, replyTo: ' ' }, savedSmtp)).toEqual({
      ok: true,
      input: {
        host: 'smtp.gmail.com',
        port: 587,
        tls: 'starttls',
        user: 'owner@salon.com',
        fromName: 'Studio',
        fromAddress: 'owner@salon.com',
        replyTo: null,
        perDay: 500,
      },
    });
  });

  it('asks for the password again when the server, port, user or security changes', () => {
    const draft = smtpDraftFrom(savedSmtp, { salonName: 'x', ownerEmail: null });
    for (const change of [{ host: 'mail.elsewhere.com' }, { port: 2525 }, { user: 'someone@salon.com' }, { tls: 'implicit' as const }]) {
      expect(smtpPasswordKept(savedSmtp, { ...draft, ...change }), JSON.stringify(change)).toBe(false);
      expect(paths(smtpInput({ ...draft, ...change }, savedSmtp)), JSON.stringify(change)).toEqual(['password']);
    }
    expect(smtpPasswordKept(savedSmtp, { ...draft, host: ' SMTP.gmail.com ' })).toBe(true);
  });

  it('says after saving when the details could not be checked', () => {
    expect(savedMessage('Email settings', 'the mail server', savedSmtp)).toBe(
      'Email settings saved, but not checked with the mail server: no connection to the mail server. Send a test when you are back online.',
    );
    expect(savedMessage('Text message settings', 'Twilio', savedTwilio)).toBe('Text message settings saved.');
  });

  it('asks for a password for a new mailbox with a user name, and checks the numbers and addresses', () => {
    const draft = { ...smtpDraftFrom(null, { salonName: 'Studio', ownerEmail: 'me@salon.com' }), host: 'smtp.gmail.com', user: 'me@salon.com' };
    expect(paths(smtpInput(draft, null))).toEqual(['password']);
    expect(smtpInput({ ...draft, password: 'app pass', perDay: '' }, null)).toMatchObject({ ok: true, input: { password: 'app pass', perDay: null } });
    const broken = { ...draft, password: 'x', port: '', fromAddress: 'not an address', replyTo: 'nope' };
    expect(paths(smtpInput(broken, null)).sort()).toEqual(['fromAddress', 'port', 'replyTo']);
  });
});
