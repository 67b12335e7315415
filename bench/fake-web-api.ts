import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A lean loopback Slack Web API for the load benchmark: answers the methods the bot calls, keeps no
 * history (so the benchmark measures the bot, not the fake), and reports each DM as it lands.
 */
export class LeanSlackApi {
  private server: Server | undefined;
  onDm: (userId: string, at: number) => void = () => {};
  committeeLines = 0;
  calls = 0;
  readonly byMethod = new Map<string, number>();

  async start(): Promise<string> {
    this.server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c));
      req.on('end', () => {
        this.calls += 1;
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
        this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
        const args = raw.startsWith('{') ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: true, ...this.answer(method, args) }));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://coop.slack.com/' };
      case 'conversations.list':
        return {
          channels: [
            { id: 'CGENERAL', name: 'general', is_channel: true, is_private: false, is_member: true },
            { id: 'CANNONCES', name: 'annonces', is_channel: true, is_private: false, is_member: true },
            { id: 'GCOMITE', name: 'comite-charte', is_channel: true, is_private: true, is_group: true, is_member: true },
          ],
          response_metadata: { next_cursor: '' },
        };
      case 'conversations.info':
        return { channel: channel === 'GCOMITE' ? { id: channel, name: 'comite-charte', is_private: true, is_member: true } : { id: channel, name: channel === 'CANNONCES' ? 'annonces' : 'general', is_channel: true, is_private: false, is_member: true } };
      case 'conversations.members':
        return { members: ['UBOT', 'UCOMITE'], response_metadata: { next_cursor: '' } };
      case 'users.info': {
        const user = String(args.user);
        return { user: { id: user, name: user.toLowerCase(), is_bot: false, profile: { display_name: user, real_name: user } } };
      }
      case 'conversations.open':
        return { channel: { id: `D${String(args.users)}` } };
      case 'chat.getPermalink':
        return { permalink: `https://coop.slack.com/archives/${channel}/p${String(args.message_ts).replace('.', '')}` };
      case 'chat.postMessage': {
        const now = performance.now();
        if (channel.startsWith('D')) this.onDm(channel.slice(1), now);
        else if (channel === 'GCOMITE') this.committeeLines += 1;
        return { channel, ts: `${Math.floor(Date.now() / 1000)}.${String(this.calls).padStart(6, '0')}`, message: {} };
      }
      default:
        return {};
    }
  }
}
