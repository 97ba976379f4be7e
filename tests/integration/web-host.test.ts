import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core';
import { silentLogger } from '../../electron/core/log';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { call, createTestCore, tempDir } from '../support/test-core';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set to anything (fetch would refuse). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  const dir = tempDir();
  const staticDir = join(dir.path, 'renderer');
  let core: Core;
  let host: WebHost;
  let own: string;

  const rpc = (headers: Record<string, string>, body = { method: 'contacts.list', input: {} }) =>
    send(host.port, '/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: own, ...headers },
      body: JSON.stringify(body),
    });

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

  it('prints a link on 127.0.0.1 with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers 401 without the key for the RPC and the event socket; the page itself holds no data', async () => {
    const page = await send(host.port, '/', { headers: { Host: own, Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const unauthorised = await rpc({});
    expect(unauthorised.status).toBe(401);
    expect(JSON.parse(unauthorised.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('npm run start:web') } });
    expect((await rpc({ Authorization: 'Bearer wrong-token-of-some-length-xxxxx' })).status).toBe(401);
    await expect(openSocket(host.port, {})).rejects.toThrow(/401/);
    await expect(openSocket(host.port, {}, ['salon-broadcast', 'key.wrong'])).rejects.toThrow(/401/);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const reply = await rpc({ Host: `evil.example:${host.port}`, Authorization: `Bearer ${host.token}` });
    expect(reply.status).toBe(403);
  });

  it('refuses a cross-site Origin even with the token', async () => {
    const reply = await rpc({ Origin: 'http://evil.example', Authorization: `Bearer ${host.token}` });
    expect(reply.status).toBe(403);
    const fetchMeta = await rpc({ 'Sec-Fetch-Site': 'cross-site', Authorization: `Bearer ${host.token}` });
    expect(fetchMeta.status).toBe(403);
  });

  it('works with the key: the link serves the page without a cookie, RPC takes a Bearer header, events a subprotocol', async () => {
    const opened = await send(host.port, `/?token=${host.token}`, { headers: { Host: own } });
    expect(opened.status).toBe(200);
    expect(opened.headers['set-cookie']).toBeUndefined();
    expect(opened.body).toContain('Salon Broadcast');
    expect(opened.headers['content-security-policy']).toContain("default-src 'self'");

    const created = await rpc(
      { Authorization: `Bearer ${host.token}`, Origin: `http://${own}` },
      { method: 'contacts.create', input: { name: 'Ana Lopez', phone: '(415) 555-2671' } },
    );
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Ana Lopez', phone: '+14155552671' } });

    const socket = await openSocket(host.port, {}, ['salon-broadcast', `key.${host.token}`]);
    expect(socket.protocol).toBe('salon-broadcast');
    const firstEvent = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    await call(core, 'sending.setPaused', { paused: true });
    expect(await firstEvent).toMatchObject({ event: 'settings.changed', payload: { sendingPaused: true } });
    socket.close();
  });

  it('does not serve files outside the renderer folder', async () => {
    writeFileSync(join(dir.path, 'secret.txt'), 'secret');
    const reply = await send(host.port, '/../secret.txt', { headers: { Host: own, Authorization: `Bearer ${host.token}` } });
    expect(reply.body).not.toContain('secret');
  });

  it('answers bad RPC bodies with a clear error and no change', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    const notJson = await send(host.port, '/rpc', { method: 'POST', headers: { Host: own, 'Content-Type': 'application/json', ...auth }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const body of ['null', '[]', '"contacts.list"', '42']) {
      const odd = await send(host.port, '/rpc', { method: 'POST', headers: { Host: own, 'Content-Type': 'application/json', ...auth }, body });
      expect(odd.status, body).toBe(400);
      expect(JSON.parse(odd.body), body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const formPost = await send(host.port, '/rpc', { method: 'POST', headers: { Host: own, 'Content-Type': 'text/plain', ...auth }, body: '{}' });
    expect(formPost.status).toBe(415);
    const unknown = await rpc(auth, { method: 'nope', input: {} });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});

function openSocket(port: number, headers: Record<string, string>, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/events`, protocols, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
