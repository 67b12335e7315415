import type { ServerResponse } from 'node:http';

/**
 * Server-Sent Events: every change sends a bare revision number; each page then re-reads its own
 * `/api/state`. The stream carries no message text, so one shared stream can't leak a private channel.
 */
export class PlaygroundEvents {
  private readonly clients = new Set<ServerResponse>();
  private revision = 0;
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    // Proxies and browsers drop idle streams; a comment line every 25 s keeps them open.
    this.keepAlive = setInterval(() => {
      for (const res of this.clients) res.write(': ping\n\n');
    }, 25_000);
    this.keepAlive.unref();
  }

  get currentRevision(): number {
    return this.revision;
  }

  subscribe(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: 2000\nevent: changed\ndata: ${this.revision}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  changed(): void {
    this.revision += 1;
    for (const res of this.clients) res.write(`event: changed\ndata: ${this.revision}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
