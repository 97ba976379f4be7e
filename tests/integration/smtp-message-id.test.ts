import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpProvider, type SmtpAccount } from '../../electron/core/providers/smtp/smtp-provider';
import type { OutgoingMessage, Provider } from '../../electron/core/providers/provider';
import { startSmtpDouble, type SmtpDouble } from '../doubles/smtp/smtp-double';

// Delivery ids start again at 1 after a reinstall or a restore: an email's Message-ID must not.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function account(smtp: SmtpDouble): SmtpAccount {
  return {
    host: smtp.host,
    port: smtp.port,
    tls: 'none',
    user: '',
    password: '',
    fromName: 'Salon',
    fromAddress: 'hello@salon.test',
    replyTo: null,
    unsubscribeAddress: 'hello@salon.test',
    timeoutMs: 5_000,
  };
}

function provider(smtp: SmtpDouble): Provider {
  const created = createSmtpProvider(account(smtp));
  cleanups.push(() => created.close?.());
  return created;
}

const email = (key: string): OutgoingMessage => ({ key, channel: 'email', to: 'ana@clients.test', subject: 'News', body: 'Hi', html: null });

describe('the Message-ID of an email', () => {
  it('is new for every email, even for the same delivery number from another install', async () => {
    const smtp = await startSmtpDouble();
    cleanups.push(() => smtp.close());
    const first = await provider(smtp).send(email('1'));
    const afterReinstall = await provider(smtp).send(email('1'));

    const ids = smtp.messages.map((message) => message.messageId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.d1@salon\.test>$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(first).toEqual({ kind: 'accepted', providerMessageId: ids[0] });
    expect(afterReinstall).toEqual({ kind: 'accepted', providerMessageId: ids[1] });
    smtp.assertNoDuplicates();
  });
});
