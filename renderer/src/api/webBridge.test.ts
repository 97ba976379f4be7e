import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventsStatus } from './webBridge';
import { createWebBridge } from './webBridge';

/** Stands in for the browser's WebSocket: records each socket so a test can open, message or drop it. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[] = [],
  ) {
    FakeSocket.all.push(this);
  }
}

/** Stands in for the tab's session storage. */
function fakeSessionStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** The page as opened from the printed link: `/?token=…#/contacts`. */
function openedAt(href: string) {
  const url = new URL(href);
  const replaceState = vi.fn();
  vi.stubGlobal('location', { href, protocol: url.protocol, host: url.host });
  vi.stubGlobal('history', { state: null, replaceState });
  return replaceState;
}

function setUp() {
  const statuses: EventsStatus[] = [];
  const onUnauthorized = vi.fn();
  const bridge = createWebBridge({ onUnauthorized, onEventsStatus: (status) => statuses.push(status) });
  return { bridge, statuses, onUnauthorized };
}

const jsonResponse = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('createWebBridge', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('sessionStorage', fakeSessionStorage());
    openedAt('http://127.0.0.1:4321/?token=launch-key-123#/contacts');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('takes the key from the link, out of the address bar, and keeps it for a reload of the tab', () => {
    const replaceState = openedAt('http://127.0.0.1:4321/?token=launch-key-123&x=1#/contacts');
    setUp();
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/contacts');
    expect(FakeSocket.all[0]?.protocols).toEqual(['salon-broadcast', 'key.launch-key-123']);

    openedAt('http://127.0.0.1:4321/#/contacts');
    setUp();
    expect(FakeSocket.all[1]?.protocols).toEqual(['salon-broadcast', 'key.launch-key-123']);
  });

  it('posts the method and input as JSON with the key as a header, never a cookie, and passes the result through', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { ok: true, value: { total: 0, contacts: [] } }));
    vi.stubGlobal('fetch', fetchMock);
    const { bridge } = setUp();

    const result = await bridge.invoke('contacts.list', { search: 'ann' });

    expect(result).toEqual({ ok: true, value: { total: 0, contacts: [] } });
    expect(fetchMock).toHaveBeenCalledWith('/rpc', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer launch-key-123' },
      body: JSON.stringify({ method: 'contacts.list', input: { search: 'ann' } }),
    });
  });

  it.each([401, 403])('reports HTTP %i as a missing key and stops reconnecting', async (status) => {
    vi.stubGlobal('fetch', async () => jsonResponse(status, { message: 'no' }));
    const { bridge, onUnauthorized } = setUp();

    const result = await bridge.invoke('settings.get', {});

    expect(result.ok).toBe(false);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    FakeSocket.all[0]?.onclose?.();
    vi.runAllTimers();
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('turns a host that is down or answers garbage into an error result', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const down = await setUp().bridge.invoke('settings.get', {});
    expect(down).toMatchObject({ ok: false, error: { code: 'internal' } });

    vi.stubGlobal('fetch', async () => new Response('<html>oops</html>', { status: 500 }));
    const garbage = await setUp().bridge.invoke('settings.get', {});
    expect(garbage).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('HTTP 500') } });
  });

  it('delivers pushed events to their listeners only, until they unsubscribe', () => {
    const { bridge } = setUp();
    const progress = vi.fn();
    const settings = vi.fn();
    const stop = bridge.on('broadcast.progress', progress);
    bridge.on('settings.changed', settings);
    const socket = FakeSocket.all[0];
    expect(socket?.url).toBe('ws://127.0.0.1:4321/events');

    socket?.onmessage?.({ data: JSON.stringify({ event: 'broadcast.progress', payload: { broadcastId: 3 } }) });
    socket?.onmessage?.({ data: 'not json' });
    stop();
    socket?.onmessage?.({ data: JSON.stringify({ event: 'broadcast.progress', payload: { broadcastId: 4 } }) });

    expect(progress).toHaveBeenCalledExactlyOnceWith({ broadcastId: 3 });
    expect(settings).not.toHaveBeenCalled();
  });

  it('reconnects with a growing delay and says so while the events are down', () => {
    const { statuses } = setUp();
    FakeSocket.all[0]?.onopen?.();
    FakeSocket.all[0]?.onclose?.();
    expect(statuses).toEqual(['open', 'reconnecting']);

    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);

    FakeSocket.all[1]?.onclose?.();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);

    FakeSocket.all[2]?.onopen?.();
    expect(statuses.at(-1)).toBe('open');
  });
});
