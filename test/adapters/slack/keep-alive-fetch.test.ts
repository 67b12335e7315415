import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch } from '../../../src/adapters/slack/keep-alive-fetch.js';

describe('keepAliveFetch (the WebClient transport)', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ method?: string; type?: string; body: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, type: req.headers['content-type'], body });
        if (req.url === '/limited') {
          res.writeHead(429, { 'Retry-After': '3', 'Content-Type': 'application/json' });
          res.end('{"ok":false,"error":"ratelimited"}');
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-OAuth-Scopes': 'chat:write,im:write' });
        res.end(JSON.stringify({ ok: true, echo: body, accent: 'é' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts the body and answers what a Response would: status, headers by any case, json', async () => {
    const res = await keepAliveFetch(`${base}/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=C1&text=salut',
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write,im:write');
    expect(res.headers.get('X-OAuth-Scopes')).toBe('chat:write,im:write');
    expect(res.headers.get('absent')).toBeNull();
    expect(Object.fromEntries(res.headers.entries())['content-type']).toContain('application/json');
    expect(await res.json()).toEqual({ ok: true, echo: 'channel=C1&text=salut', accent: 'é' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/x-www-form-urlencoded' });
  });

  it('gives the body once, as text or bytes', async () => {
    const res = await keepAliveFetch(`${base}/x`, { method: 'POST', body: 'a=1' });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ accent: 'é' });
    await expect(res.text()).rejects.toThrow(/already been read/);
  });

  it('lets a 429 and its Retry-After through for the WebClient to wait out', async () => {
    const res = await keepAliveFetch(`${base}/limited`, { method: 'POST', body: '' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.text()).toContain('ratelimited');
  });
});
