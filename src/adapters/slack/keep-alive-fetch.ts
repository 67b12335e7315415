import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * The `fetch` handed to Slack's WebClient (its documented `fetch` option). Node's global fetch costs a
 * lot of CPU per call (WHATWG streams on both sides); under load the Web API calls were the bot's
 * largest cost. This sends the WebClient's requests (a string body, plain headers) over keep-alive
 * node:http(s) agents and answers the part of a `Response` it reads (see `BufferedResponse`). Anything
 * else goes to the global fetch.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/** Read-only headers over node's (already lower-cased) ones: what the WebClient reads, nothing built. */
class ReadHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) {
      const v = this.get(name);
      if (v !== null) yield [name, v];
    }
  }
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }
  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (value: string, name: string) => void): void {
    for (const [name, v] of this.entries()) fn(v, name);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/**
 * The part of a fetch `Response` the WebClient uses (status, headers, text/json/arrayBuffer), over a
 * buffered body. A real `Response` wraps the body in WHATWG streams, which cost more than the call.
 */
class BufferedResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  readonly headers: ReadHeaders;
  private used = false;
  constructor(
    private readonly body: Buffer,
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    headers: IncomingMessage['headers'],
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new ReadHeaders(headers);
  }
  get bodyUsed(): boolean {
    return this.used;
  }
  private take(): Buffer {
    if (this.used) throw new TypeError('Body has already been read');
    this.used = true;
    return this.body;
  }
  async text(): Promise<string> {
    return this.take().toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.take().toString('utf8'));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.take();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
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
          resolve(new BufferedResponse(Buffer.concat(chunks), status, res.statusMessage ?? '', url.href, res.headers) as unknown as Response);
        });
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
};
