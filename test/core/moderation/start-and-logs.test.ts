import { describe, expect, it } from 'vitest';
import { createHarness, PROMO } from '../harness.js';

describe('start()', () => {
  it('warns loudly, in the logs and in the channel, when the committee channel is public', async () => {
    const h = createHarness();
    h.platform.channels.set('CCOM', { id: 'CCOM', name: 'comite-charte', kind: 'public' });
    await h.bot.start();
    expect(h.log.has('warn', /PUBLIC/)).toBe(true);
    expect(h.platform.postsIn('CCOM')[0].message.text).toMatch(/canal PUBLIC/);
  });

  it('says clearly when the bot is not in the committee channel', async () => {
    const h = createHarness();
    h.platform.leave('CCOM', 'UBOT');
    await h.bot.start();
    expect(h.log.has('error', /not a member of the committee channel/)).toBe(true);
  });

  it('says clearly when the committee channel does not exist', async () => {
    const h = createHarness({ committeeChannel: 'nope' });
    await h.bot.start();
    expect(h.log.has('error', /committee channel "nope" not found/)).toBe(true);
  });
});

describe('logs', () => {
  it('never carry a member’s message body above debug', async () => {
    const h = createHarness();
    await h.bot.start();
    await h.bot.handleMessage(h.message(PROMO));
    await h.bot.handleCommand(h.command('test mon texte secret à 10 €'));
    expect(h.log.aboveDebug()).not.toContain('shiatsu');
    expect(h.log.aboveDebug()).not.toContain('secret');
    expect(h.log.has('info', /message decided/)).toBe(true);
  });
});
