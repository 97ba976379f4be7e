import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVERYONE } from '../../../shared/audience';
import { emptyStep } from '../../../shared/broadcasts';
import type { BroadcastDto, BroadcastStatsDto } from '../../../shared/dto';

const callMock = vi.fn();
vi.mock('../api/client', () => ({ call: (...args: unknown[]) => callMock(...args) }));
const { useBroadcasts } = await import('./broadcasts');

const STATS: BroadcastStatsDto = {
  recipients: 10,
  sent: 0,
  delivered: 0,
  failed: 0,
  pending: 10, tried: 0,
  cancelled: 0,
  skipped: 0,
  unknown: 0,
  cost: 0,
  noReport: 0,
  practiceCost: 0,
};

function broadcast(id: number, stats: Partial<BroadcastStatsDto> = {}): BroadcastDto {
  return {
    id,
    name: `Broadcast ${id}`,
    type: 'sms',
    status: 'sending',
    audience: { segmentId: null, filter: EVERYONE },
    steps: [{ ...emptyStep(), day: 1, schedule: null, startedAt: null, missedAt: null }],
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    launchedAt: '2025-06-01T10:00:00.000Z',
    completedAt: null,
    pausedReason: null,
    canEdit: false,
    automationId: null,
    stats: { ...STATS, ...stats },
  };
}

describe('broadcasts store', () => {
  beforeEach(() => {
    callMock.mockReset();
    useBroadcasts.setState({ broadcasts: [], loaded: false, error: null });
  });

  it('keeps the newest first', () => {
    useBroadcasts.getState().upsert(broadcast(1));
    useBroadcasts.getState().upsert(broadcast(3));
    useBroadcasts.getState().upsert(broadcast(2));
    expect(useBroadcasts.getState().broadcasts.map(({ id }) => id)).toEqual([3, 2, 1]);
  });

  it('applies progress in place, without asking the core', () => {
    useBroadcasts.getState().upsert(broadcast(1));
    useBroadcasts.getState().applyProgress({
      broadcastId: 1,
      status: 'sending',
      pausedReason: null,
      missedSteps: 0,
      stats: { ...STATS, sent: 10, delivered: 9, failed: 1, pending: 0, cost: 0.08 },
    });
    expect(useBroadcasts.getState().broadcasts[0]).toMatchObject({
      status: 'sending',
      stats: { delivered: 9, failed: 1, pending: 0, cost: 0.08 },
    });
    expect(callMock).not.toHaveBeenCalled();
  });

  it('shows why it paused at once, and fetches the broadcast once for the rest', async () => {
    useBroadcasts.getState().upsert(broadcast(1));
    callMock.mockResolvedValue({ ...broadcast(1), status: 'paused', pausedReason: 'budget' });
    const progress = { broadcastId: 1, status: 'paused' as const, pausedReason: 'budget' as const, missedSteps: 0, stats: STATS };
    useBroadcasts.getState().applyProgress(progress);
    useBroadcasts.getState().applyProgress(progress);
    expect(useBroadcasts.getState().broadcasts[0]).toMatchObject({ status: 'paused', pausedReason: 'budget' });
    await vi.waitFor(() => expect(callMock).toHaveBeenCalledOnce());
  });

  it('forgets why it paused once it is sending again', () => {
    useBroadcasts.getState().upsert({ ...broadcast(1), status: 'paused', pausedReason: 'provider' });
    callMock.mockResolvedValue(broadcast(1));
    useBroadcasts.getState().applyProgress({ broadcastId: 1, status: 'sending', pausedReason: null, missedSteps: 0, stats: STATS });
    expect(useBroadcasts.getState().broadcasts[0]).toMatchObject({ status: 'sending', pausedReason: null });
  });

  it('fetches the broadcast when a step is held as missed, though its status stays', async () => {
    useBroadcasts.getState().upsert(broadcast(1));
    const missed = broadcast(1);
    missed.steps = missed.steps.map((step) => ({ ...step, missedAt: '2025-06-01T13:00:00.000Z' }));
    callMock.mockResolvedValue(missed);
    useBroadcasts.getState().applyProgress({ broadcastId: 1, status: 'sending', pausedReason: null, missedSteps: 1, stats: STATS });
    await vi.waitFor(() => expect(useBroadcasts.getState().broadcasts[0]?.steps[0]?.missedAt).toBe('2025-06-01T13:00:00.000Z'));
    expect(callMock).toHaveBeenCalledWith('broadcasts.get', { id: 1 });
  });

  it('does not let an older answer undo newer live numbers', () => {
    useBroadcasts.getState().upsert(broadcast(1, { delivered: 6, pending: 4 }));
    useBroadcasts.getState().upsert({ ...broadcast(1, { delivered: 2, pending: 8 }), name: 'Renamed' });
    expect(useBroadcasts.getState().broadcasts[0]).toMatchObject({ name: 'Renamed', stats: { delivered: 6 } });
  });

  it('fetches a broadcast it has never seen once, however many events name it', async () => {
    callMock.mockResolvedValue(broadcast(5));
    const progress = { broadcastId: 5, status: 'sending' as const, pausedReason: null, missedSteps: 0, stats: broadcast(5).stats };
    useBroadcasts.getState().applyProgress(progress);
    useBroadcasts.getState().applyProgress(progress);
    await vi.waitFor(() => expect(useBroadcasts.getState().broadcasts).toHaveLength(1));
    expect(callMock).toHaveBeenCalledOnce();
    expect(callMock).toHaveBeenCalledWith('broadcasts.get', { id: 5 });
  });
});
