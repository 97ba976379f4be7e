// The web host against a hostile neighbour on the same computer: malformed request lines and
// headers over raw sockets, bodies over the limit, inputs nested to overflow zod, big event frames.
// After all of it the host must still serve, and a broadcast launched before must still be sent.
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { createBroadcast } from '../support/broadcasts';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';

/** Write raw bytes and read whatever comes back until the host closes or a moment passes. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.setTimeout(1_500, done);
    socket.write(bytes, 'latin1');
  });
}

interface Reply {
  status: number;
  body: string;
}

function post(port: number, host: string, headers: Record<string, string>, body: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/rpc', method: 'POST', headers: { Host: host, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function nestedFilter(depth: number): unknown {
  let filter: unknown = { kind: 'group', match: 'all', conditions: [] };
  for (let i = 0; i < depth; i++) filter = { kind: 'group', match: 'all', conditions: [filter] };
  return filter;
}

const MALFORMED_REQUESTS = [
  'GET //[ HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  'GET //[ HTTP/1.1\r\nHost: {host}\r\n\r\n',
  'GET http://[::1 HTTP/1.1\r\nHost: {host}\r\n\r\n',
  'GET /% HTTP/1.1\r\nHost: {host}\r\n\r\n',
  'GET /%E0%A4%A HTTP/1.1\r\nHost: {host}\r\n\r\n',
  'GET /%00 HTTP/1.1\r\nHost: {host}\r\n\r\n',
  'GET /events%ZZ HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  'GET /events HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: ,,,\r\n\r\n',
  'GARBAGE\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: {host}\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: {host}\r\nContent-Length: -5\r\n\r\n',
  'POST /rpc HTTP/1.1\r\nHost: {host}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: {host}\r\nX-Bad\u0000Header: 1\r\n\r\n',
  `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: {host}\r\n\r\n`,
  'GET / HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer \u00ff\u00fe\r\n\r\n',
  'POST /rpc HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"a"',
];

describe('web host against hostile local requests', () => {
  const dir = tempDir();
  const staticDir = join(dir.path, 'renderer');
  let core: Core;
  let host: WebHost;
  let own: string;
  const auth = () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` });

  beforeAll(async () => {
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Salon Broadcast</title>');
    core = createTestCore(dir.path);
    host = await startWebHost({ core, staticDir, port: 0, log: silentLogger });
    own = `127.0.0.1:${host.port}`;
    core.start();
  });

  afterAll(async () => {
    await host.close();
    await core.stop();
    dir.remove();
  });

  it('survives a corpus of malformed request lines and headers, and still serves and sends', async () => {
    for (let i = 0; i < 30; i++) {
      await call(core, 'contacts.create', { name: `Client ${i}`, phone: `+1415555${String(2600 + i)}`, consent: { sms: 'granted', email: 'unknown' } });
    }
    const draft = await createBroadcast(core, { name: 'During the storm', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });

    for (const raw of MALFORMED_REQUESTS) {
      const answer = await rawExchange(host.port, raw.replaceAll('{host}', own));
      expect(answer, raw.slice(0, 40)).not.toMatch(/^HTTP\/1\.1 500/);
    }
    expect(await rawExchange(host.port, `GET /% HTTP/1.1\r\nHost: ${own}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawExchange(host.port, `GET /%E0%A4%A HTTP/1.1\r\nHost: ${own}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);

    const still = await post(host.port, own, auth(), JSON.stringify({ method: 'contacts.list', input: {} }));
    expect(JSON.parse(still.body)).toMatchObject({ ok: true, value: { total: 30 } });
    const sent = await waitFor(async () => {
      const broadcast = await call(core, 'broadcasts.get', { id: draft.id });
      return broadcast.status === 'completed' ? broadcast : undefined;
    });
    expect(sent.stats.sent).toBe(30);
  });

  it('never redirects off the host: /.//evil.com is served here', async () => {
    const answer = await rawExchange(host.port, `GET /.//evil.com?token=${host.token} HTTP/1.1\r\nHost: ${own}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).not.toMatch(/\r\nLocation:/i);
  });

  it('answers a body over the limit with 413 and a typed error, not a reset', async () => {
    const big = JSON.stringify({ method: 'contacts.list', input: { search: 'x'.repeat(2 * 1024 * 1024) } });
    const reply = await post(host.port, own, auth(), big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('too large') } });
  });

  it('answers a filter nested 1,000 groups deep (46 KB) with a typed invalid_input', async () => {
    const input = { filter: nestedFilter(1_000) };
    const body = JSON.stringify({ method: 'audience.summary', input });
    expect(body.length).toBeGreaterThan(40_000);
    const reply = await post(host.port, own, auth(), body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The request is nested too deeply.' } });
    // Straight through the core (the Electron path) too.
    expect(await core.dispatch('audience.summary', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('does not read a huge body sent without the key to its end', async () => {
    const total = 64 * 1024 * 1024;
    const flushed = await new Promise<{ answer: string; written: number }>((resolve) => {
      const socket = connect(host.port, '127.0.0.1');
      let answer = '';
      let written = 0;
      const piece = Buffer.alloc(64 * 1024, 'a');
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      const finish = () => resolve({ answer, written });
      socket.on('close', finish);
      socket.on('error', finish);
      socket.write(`POST /rpc HTTP/1.1\r\nHost: ${own}\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`);
      const pump = () => {
        while (written < total) {
          written += piece.length;
          if (!socket.write(piece)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(flushed.answer).toMatch(/^HTTP\/1\.1 401/);
    expect(flushed.written).toBeLessThan(total);
  });

  it('closes an event socket whose page sends a frame over a few KB', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/events`, ['salon-broadcast', `key.${host.token}`]);
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(64 * 1024));
    expect(await closed).toBe(1009);
    const still = await post(host.port, own, auth(), JSON.stringify({ method: 'settings.get', input: {} }));
    expect(JSON.parse(still.body)).toMatchObject({ ok: true });
  });
});
