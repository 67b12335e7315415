import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * The `fetch` handed to Slack's WebClient (its documented `fetch` option). Node's global fetch costs a
 * lot of CPU per call (WHATWG streams on both sides); under load the Web API calls were the bot's
 * largest cost. This sends the WebClient's requests (a string body, plain headers) over keep-alive
 * node:http(s) agents and answers a standard `Response`. Anything else goes to the global fetch.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export const keepAliveFetch: typeof fetch = (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const body = init?.body;
  const headers = init?.headers;
  const simple =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    (body === undefined || body === null || typeof body === 'string') &&
    (headers === undefined || (typeof headers === 'object' && !(headers instanceof Headers) && !Array.isArray(headers)));
  if (!simple) return globalThis.fetch(input, init);
  return new Promise<Response>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      { method: init?.method ?? 'GET', headers: headers as Record<string, string> | undefined, agent: agents[url.protocol as 'http:' | 'https:'], signal: init?.signal ?? undefined },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          const empty = status === 204 || status === 304 || (status >= 100 && status < 200);
          resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: toHeaders(res) }));
        });
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
};
