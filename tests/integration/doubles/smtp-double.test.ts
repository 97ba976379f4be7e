import nodemailer, { type SendMailOptions, type Transporter as MailTransporter } from 'nodemailer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpDouble, type SmtpDouble, type SmtpDoubleOptions } from '../../doubles/smtp/smtp-double';

const USER = 'salon@example.test';
const PASS = 'correct horse battery staple';

type Transporter = MailTransporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function double(options: SmtpDoubleOptions = {}): Promise<SmtpDouble> {
  const smtp = await startSmtpDouble({ auth: { user: USER, pass: PASS }, ...options });
  cleanups.push(() => smtp.close());
  return smtp;
}

function transport(smtp: SmtpDouble, overrides: Partial<SMTPPool.Options> = {}): Transporter {
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: { user: USER, pass: PASS },
    tls: { ca: smtp.ca },
    ...overrides,
  });
  cleanups.push(() => transporter.close());
  return transporter;
}

async function sendFailure(transporter: Transporter, mail: SendMailOptions): Promise<SMTPConnection.SMTPError> {
  const outcome = await transporter.sendMail(mail).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(outcome instanceof Error)) throw new Error('expected sendMail to fail');
  return outcome as SMTPConnection.SMTPError;
}

const mail = (to: string, subject = 'Spring offer'): SendMailOptions => ({
  from: 'Salon Élan <salon@example.test>',
  to,
  subject,
  text: 'Plain body',
  html: '<p>HTML body</p>',
});

describe('SMTP double with real nodemailer', () => {
  it.each(['quoted-printable', 'base64'] as const)('receives a multipart/alternative email with List-Unsubscribe (%s)', async (textEncoding) => {
    const smtp = await double();
    const transporter = transport(smtp);
    const text = `Bonjour Zoë, -20 % sur les soins ce week-end ! ${'Prenez rendez-vous dès maintenant. '.repeat(4)}`;
    const html = `<p>Bonjour <b>Zoë</b>, -20&nbsp;% sur les soins ce week-end&nbsp;!</p>\n<p>${'Réservez. '.repeat(12)}</p>`;

    const info = await transporter.sendMail({
      from: 'Salon Élan <salon@example.test>',
      to: 'Zoë Martin <zoe@example.test>',
      subject: 'Offre de printemps — Salon Élan',
      text,
      html,
      textEncoding,
      headers: {
        'List-Unsubscribe': '<https://salon.example.test/u/abc123>, <mailto:unsubscribe@example.test?subject=abc123>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });

    expect(info.accepted).toEqual(['zoe@example.test']);
    const received = smtp.expectExactlyOne((message) => message.messageId === info.messageId);
    expect(received).toMatchObject({
      outcome: 'accepted',
      authUser: USER,
      envelope: { from: 'salon@example.test', to: ['zoe@example.test'] },
      subject: 'Offre de printemps — Salon Élan',
      from: 'Salon Élan <salon@example.test>',
      to: 'Zoë Martin <zoe@example.test>',
      listUnsubscribe: '<https://salon.example.test/u/abc123>, <mailto:unsubscribe@example.test?subject=abc123>',
      listUnsubscribePost: 'List-Unsubscribe=One-Click',
      text,
      html,
    });
    expect(received.contentType).toMatch(/^multipart\/alternative;/);
    expect(received.raw).toContain(`Content-Transfer-Encoding: ${textEncoding}`);
    smtp.assertNoDuplicates();
  });

  it('refuses a wrong password with 535 and stores nothing', async () => {
    const smtp = await double();
    const transporter = transport(smtp, { auth: { user: USER, pass: 'wrong' } });

    const err = await sendFailure(transporter, mail('ana@example.test'));

    expect(err.code).toBe('EAUTH');
    expect(err.responseCode).toBe(535);
    expect(smtp.messages).toHaveLength(0);
    expect(smtp.rejections).toEqual([expect.objectContaining({ stage: 'auth', code: 535, user: USER })]);
  });

  it.each([
    { code: 451, at: 'rcpt', nodemailerCode: 'EENVELOPE' },
    { code: 550, at: 'rcpt', nodemailerCode: 'EENVELOPE' },
    { code: 451, at: 'data', nodemailerCode: 'EMESSAGE' },
    { code: 552, at: 'data', nodemailerCode: 'EMESSAGE' },
  ] as const)('surfaces an injected $code at $at as responseCode $code', async ({ code, at, nodemailerCode }) => {
    const smtp = await double();
    const transporter = transport(smtp);
    smtp.failNextMessages(1, { code, at });

    const err = await sendFailure(transporter, mail('ana@example.test'));
    expect(err.responseCode).toBe(code);
    expect(err.code).toBe(nodemailerCode);
    expect(smtp.messages).toHaveLength(0);
    expect(smtp.rejections).toEqual([expect.objectContaining({ stage: at, code })]);

    // The failure was for one message only: the next one goes through on the same pool.
    await transporter.sendMail(mail('ana@example.test'));
    expect(smtp.messagesTo('ana@example.test')).toHaveLength(1);
  });

  it('fails only the chosen recipient; nodemailer delivers to the others and reports the rejection', async () => {
    const smtp = await double();
    const transporter = transport(smtp);
    smtp.failRecipient('Gone@Example.test', { code: 550, message: 'No such user' });

    const info = await transporter.sendMail(mail('ana@example.test, gone@example.test'));

    expect(info.accepted).toEqual(['ana@example.test']);
    expect(info.rejected).toEqual(['gone@example.test']);
    expect(info.rejectedErrors?.[0]?.responseCode).toBe(550);
    expect(smtp.rejections).toEqual([expect.objectContaining({ stage: 'rcpt', code: 550, recipient: 'gone@example.test' })]);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.envelope.to).toEqual(['ana@example.test']);
  });

  it('fails a chosen recipient at the end of DATA', async () => {
    const smtp = await double();
    const transporter = transport(smtp);
    smtp.failRecipient('full@example.test', { code: 552, at: 'data' }, 1);

    const err = await sendFailure(transporter, mail('full@example.test'));

    expect(err).toMatchObject({ code: 'EMESSAGE', responseCode: 552 });
    expect(smtp.rejections).toEqual([expect.objectContaining({ stage: 'data', code: 552, envelope: { from: 'salon@example.test', to: ['full@example.test'] } })]);
    expect(smtp.messages).toHaveLength(0);
  });

  it('a 421 at RCPT closes the connection; the pooled transport reconnects for the next message', async () => {
    const smtp = await double();
    const transporter = transport(smtp);
    smtp.failRecipient('busy@example.test', { code: 421 }, 1);

    const err = await sendFailure(transporter, mail('busy@example.test'));
    expect(err.responseCode).toBe(421);

    await transporter.sendMail(mail('busy@example.test'));
    expect(smtp.messagesTo('busy@example.test')).toHaveLength(1);
    expect(smtp.connectionCount).toBe(2);
  });

  it('drop after DATA: nodemailer errors although the server stored the message', async () => {
    const smtp = await double();
    const transporter = transport(smtp);
    smtp.dropNextAfterData();

    const err = await sendFailure(transporter, { ...mail('ana@example.test'), messageId: '<drop-1@salon.example.test>' });

    expect(err.code).toBe('ECONNECTION');
    expect(err.message).toMatch(/Connection closed unexpectedly/);
    expect(err.responseCode).toBeUndefined();
    expect(smtp.messages).toEqual([expect.objectContaining({ outcome: 'dropped', messageId: '<drop-1@salon.example.test>' })]);

    // A blind retry therefore delivers the same message twice, which the double makes visible.
    await transporter.sendMail({ ...mail('ana@example.test'), messageId: '<drop-1@salon.example.test>' });
    expect(smtp.countByMessageId('drop-1@salon.example.test')).toBe(2);
    expect(() => smtp.assertNoDuplicates()).toThrow(/drop-1@salon\.example\.test ×2/);
  });

  it('STARTTLS: upgrades with the test CA, authenticates and delivers', async () => {
    const smtp = await double({ tls: 'starttls' });
    const transporter = transport(smtp, { requireTLS: true });

    await transporter.sendMail(mail('ana@example.test'));

    expect(smtp.messages).toEqual([expect.objectContaining({ secure: true, authUser: USER, outcome: 'accepted' })]);
  });

  it('STARTTLS: a client that does not trust the certificate fails the handshake', async () => {
    const smtp = await double({ tls: 'starttls' });
    const transporter = transport(smtp, { requireTLS: true, tls: {} });

    const err = await sendFailure(transporter, mail('ana@example.test'));

    // nodemailer reports the failed STARTTLS handshake as a socket error, not ETLS.
    expect(err.code).toBe('ESOCKET');
    expect(err.message).toMatch(/self-signed certificate/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('STARTTLS mode refuses MAIL FROM with 530 from a client that skips the upgrade', async () => {
    const smtp = await double({ tls: 'starttls', auth: undefined });
    const transporter = transport(smtp, { ignoreTLS: true, auth: undefined });

    const err = await sendFailure(transporter, mail('ana@example.test'));

    expect(err.responseCode).toBe(530);
    expect(smtp.messages).toHaveLength(0);
  });

  it('implicit TLS: delivers over a TLS-from-the-start connection', async () => {
    const smtp = await double({ tls: 'implicit' });
    const transporter = transport(smtp);

    await transporter.sendMail(mail('ana@example.test'));

    expect(smtp.secure).toBe(true);
    expect(smtp.messages).toEqual([expect.objectContaining({ secure: true, outcome: 'accepted' })]);
  });
});
