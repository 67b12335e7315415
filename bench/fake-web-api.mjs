// A lean loopback Slack Web API for `npm run bench:e2e`, run on its own worker thread so the load
// generator's busy event loop never delays the moment a DM is seen (the benchmark would measure
// itself). It answers the methods the bot calls, keeps no history, and reports each DM with an
// absolute time (timeOrigin + now) comparable across threads. Plain JS: worker threads don't get tsx.
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

let calls = 0;
let committeeLines = 0;
const byMethod = {};

function answer(method, args) {
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
      return {
        channel:
          channel === 'GCOMITE'
            ? { id: channel, name: 'comite-charte', is_private: true, is_member: true }
            : { id: channel, name: channel === 'CANNONCES' ? 'annonces' : 'general', is_channel: true, is_private: false, is_member: true },
      };
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
    case 'chat.postMessage':
      if (channel.startsWith('D')) parentPort.postMessage({ type: 'dm', user: channel.slice(1), at: performance.timeOrigin + performance.now() });
      else if (channel === 'GCOMITE') committeeLines += 1;
      return { channel, ts: `${Math.floor(Date.now() / 1000)}.${String(calls).padStart(6, '0')}`, message: {} };
    default:
      return {};
  }
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    calls += 1;
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    byMethod[method] = (byMethod[method] ?? 0) + 1;
    const args = raw.startsWith('{') ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ok: true, ...answer(method, args) }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'ready', url: `http://127.0.0.1:${server.address().port}/api/` }));
parentPort.on('message', (msg) => {
  if (msg.type !== 'stop') return;
  server.closeAllConnections();
  server.close(() => parentPort.postMessage({ type: 'stopped', committeeLines, byMethod }));
});
