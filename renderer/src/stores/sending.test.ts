import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendingDto } from '../../../shared/sending';

const callMock = vi.fn();
vi.mock('../api/client', () => ({ call: (...args: unknown[]) => callMock(...args) }));
const { useSending } = await import('./sending');
const { useReplies } = await import('./replies');

const sending: SendingDto = {
  live: false,
  channels: { sms: 'sandbox', email: 'sandbox', push: 'sandbox' },
  twilio: null,
  smtp: null,
  push: null,
  secretsWarning: null,
};

describe('sending store', () => {
  beforeEach(() => {
    callMock.mockReset();
    useSending.setState({ sending: null, loadError: null });
  });

  it('keeps what the core answered, and its refusal in words', async () => {
    callMock.mockResolvedValueOnce(sending);
    await useSending.getState().load();
    expect(useSending.getState().sending).toEqual(sending);
    callMock.mockRejectedValueOnce(new Error('boom'));
    await useSending.getState().load();
    expect(useSending.getState().loadError?.message).toBe('Something went wrong. Please try again.');
  });
});

describe('replies store', () => {
  it('counts replies until the owner looks', () => {
    const reply = {
      id: 1,
      from: '+14155550123',
      body: 'STOP',
      receivedAt: '2025-06-01T10:00:00.000Z',
      contactId: 3,
      contactName: 'Ana',
      broadcastId: null,
      broadcastName: null,
      action: 'opt_out' as const,
    };
    useReplies.getState().received(reply);
    useReplies.getState().received({ ...reply, id: 2 });
    expect(useReplies.getState().unseen).toBe(2);
    useReplies.getState().markSeen();
    expect(useReplies.getState().unseen).toBe(0);
  });
});
