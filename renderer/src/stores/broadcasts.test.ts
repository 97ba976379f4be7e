import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVERYONE } from '../../../shared/audience';
import { emptyStep } from '../../../shared/broadcasts';
import type { BroadcastDto, BroadcastStatsDto } from '../../../shared/dto';

const callMock = vi.fn();
vi.mock('../api/client', () => ({ call: (...args: unknown[]) => callMock(...args) }));
const { useBroadcasts } = await import('./broadcasts');

function broadcast(id: number, stats: Partial<BroadcastStatsDto> = {}): BroadcastDto {
  return {
    id,
    name: `Broadcast ${id}`,
    type: 'sms',
    status: 'sending',
    audience: { segmentId: null, filter: EVERYONE },
    steps: [{ ...emptyStep(), day: 1, schedule: null }],
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    launchedAt: '2025-06-01T10:00:00.000Z',
    completedAt: null,
    stats: { recipients: 10, sent: 0, delivered: 0, failed: 0, pending: 10, cancelled: 0, ...stats },
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
      status: 'completed',
      stats: { recipients: 10, sent: 10, delivered: 9, failed: 1, pending: 0, cancelled: 0 },
    });
    expect(useBroadcasts.getState().broadcasts[0]).toMatchObject({
      status: 'completed',
      stats: { delivered: 9, failed: 1, pending: 0 },
    });
    expect(callMock).not.toHaveBeenCalled();
  });

  it('does not let an older answer undo newer live numbers', () => {
    useBroadcasts.getState().upsert(broadcast(1, { delivered: 6, pending: 4 }));
    useBroadcasts.getState().upsert({ ...broadcast(1, { delivered: 2, pending: 8 }), name: 'Renamed' });
    expect(useBroadcasts.getState().broadcasts[0]).toMatchObject({ name: 'Renamed', stats: { delivered: 6 } });
  });

  it('fetches a broadcast it has never seen once, however many events name it', async () => {
    callMock.mockResolvedValue(broadcast(5));
    const progress = { broadcastId: 5, status: 'sending' as const, stats: broadcast(5).stats };
    useBroadcasts.getState().applyProgress(progress);
    useBroadcasts.getState().applyProgress(progress);
    await vi.waitFor(() => expect(useBroadcasts.getState().broadcasts).toHaveLength(1));
    expect(callMock).toHaveBeenCalledOnce();
    expect(callMock).toHaveBeenCalledWith('broadcasts.get', { id: 5 });
  });
});
