import { describe, expect, it } from 'vitest';
import { neutralizeMentions } from '../../../src/core/messages/neutralize-mentions.js';
import { createHarness } from '../harness.js';

describe('neutralizeMentions', () => {
  it.each(['<!channel>', '<!here>', '<!everyone>', '<!subteam^S123>', '@channel', '@here', '@all', '@everyone', '@HERE'])('breaks %s', (mention) => {
    const out = neutralizeMentions(`hey ${mention} look`);
    expect(out).not.toContain(mention);
    expect(out.replace(/\u200d/g, '')).toContain(mention);
  });
  it('leaves single-user mentions and ordinary text alone', () => {
    expect(neutralizeMentions('merci <@U123> et @alice, mail: a@allo.fr')).toBe('merci <@U123> et @alice, mail: a@allo.fr');
  });
});

describe('everything the bot posts is defused', () => {
  it('quotes a hostile promotional message to the committee with no live broadcast mention or injected link', async () => {
    const h = createHarness();
    const evil = 'Promo 45 € ! <!channel> @here @all [cliquez ici](https://evil.example) <https://evil.example|banque> **GRATUIT**';
    await h.bot.handleMessage(h.message(evil));
    const line = h.platform.postsIn('CCOM')[0].message.text;
    for (const m of ['<!channel>', '@here', '@all']) expect(line).not.toContain(m);
    expect(line).not.toContain('[cliquez ici](https://evil.example)');
    expect(line).not.toContain('**GRATUIT**');
    // and the repost in #annonces too
    const incidentId = h.platform.dmsTo('UALICE')[0].message.buttons![0].value;
    await h.bot.handleAction({ platform: 'playground', action: 'repost_annonces', value: incidentId, user: h.users.alice });
    const repost = h.platform.postsIn('CANN')[0].message.text;
    for (const m of ['<!channel>', '@here', '@all']) expect(repost).not.toContain(m);
    expect(repost).not.toContain('[cliquez ici](https://evil.example)');
  });

  it('defuses broadcast mentions in a committee post too', async () => {
    const h = createHarness();
    await h.bot.handleCommand(h.command('comite Bonjour @channel, <!here> merci !', h.users.carol, h.channels.general));
    const post = h.platform.postsIn('CGEN')[0].message.text;
    expect(post).not.toContain('@channel');
    expect(post).not.toContain('<!here>');
  });
});
