// Child process for the crash/restart test: runs the built core on a real store and handles the
// events given in a JSON file, one by one, appending each DM it sends to a file (synchronously, so a
// SIGKILL loses nothing that was sent). Not a test by itself.
import { appendFileSync, readFileSync } from 'node:fs';

const [storeUrl, namespace, eventsFile, dmsFile] = process.argv.slice(2);
const root = new URL('../../dist/', import.meta.url);
const { createModerationBot } = await import(new URL('core/moderation/create-moderation-bot.js', root));
const { createStore } = await import(new URL('store/create-store.js', root));
const { silentLogger } = await import(new URL('core/ports/logger.js', root));
const { defaultCoreConfig } = await import(new URL('core/core-config.js', root));

const channels = {
  CGEN: { id: 'CGEN', name: 'general', kind: 'public' },
  CANN: { id: 'CANN', name: 'annonces', kind: 'public' },
  CCOM: { id: 'CCOM', name: 'comite-charte', kind: 'private' },
};
let seq = 0;
const format = {
  bold: (t) => `**${t}**`, italic: (t) => `_${t}_`, link: (u, l) => `[${l}](${u})`, channel: (c) => `~${c.name}`,
  user: (u) => `@${u.name}`, escape: (t) => t.replace(/[@<>]/g, ''), quote: (t) => `> ${t}`,
};
const platform = {
  name: 'slack', format, botUserId: 'UBOT',
  async sendDirectMessage(userId, message) {
    appendFileSync(dmsFile, JSON.stringify({ userId, pid: process.pid }) + '\n');
    return { channelId: `D${userId}`, messageId: `m${process.pid}-${++seq}` };
  },
  async postToChannel(channelId) { return { channelId, messageId: `p${process.pid}-${++seq}` }; },
  async updateMessage() {},
  async findChannelByName(name) { return Object.values(channels).find((c) => c.name === name); },
  async getChannel(id) { return channels[id]; },
  async getUser(id) { return { id, name: id, isBot: false }; },
  async isChannelMember(channelId, userId) { return channelId !== 'CCOM' || userId === 'UCOMITE'; },
  async isBotInChannel() { return true; },
  async permalink() { return undefined; },
  async resolvePermalink() { return undefined; },
};

const { store, close } = await createStore(storeUrl, silentLogger, { namespace });
const bot = createModerationBot({ platform, store, clock: { now: () => Date.now() }, log: silentLogger, config: defaultCoreConfig });
await bot.start();
for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) {
  await bot.handleMessage(event);
  // Slow enough for the parent to kill us mid-stream.
  await new Promise((r) => setTimeout(r, 2));
}
await close();
process.stdout.write('done\n');
