import { describe, expect, it } from 'vitest';
import { createHarness, PROMO } from '../core/harness.js';

describe('/charte for everyone', () => {
  it('shows the help for aide, an unknown or an empty subcommand, committee part only to the committee', async () => {
    const h = createHarness();
    for (const text of ['aide', 'n-importe-quoi', '']) {
      const r = await h.bot.handleCommand(h.command(text));
      expect(r.visibility).toBe('ephemeral');
      expect(r.message.text).toContain('`signaler <lien> <raison>`');
      expect(r.message.text).not.toContain('oublier');
    }
    expect((await h.bot.handleCommand(h.command('aide', h.users.carol))).message.text).toContain('`oublier @membre`');
  });

  it('gives the key rules with the charter link', async () => {
    const h = createHarness();
    const r = await h.bot.handleCommand(h.command('charte'));
    expect(r.message.text).toContain('~annonces');
    expect(r.message.text).toContain('https://coop.example/charte');
  });

  it('sends the funny tutorial by DM and says so', async () => {
    const h = createHarness();
    const r = await h.bot.handleCommand(h.command('tuto'));
    expect(r.message.text).toMatch(/envoyé en MP/);
    expect(h.platform.dmsTo('UALICE')[0].message.text).toMatch(/Tuto de com’ en 5 étapes/);
  });

  it('previews what the bot would say about a draft, recording nothing', async () => {
    const h = createHarness();
    const promo = await h.bot.handleCommand(h.command(`test ${PROMO}`));
    expect(promo.message.text).toMatch(/je t’enverrais ceci/);
    expect(promo.message.text).toContain('le bot du comité éthique');
    const clean = await h.bot.handleCommand(h.command('test Qui vient au pique-nique samedi ?'));
    expect(clean.message.text).toMatch(/Rien à signaler/);
    expect(h.platform.dms).toHaveLength(0);
    expect((await h.store.exportUser('UALICE')).incidents).toHaveLength(0);
  });

  it('reports a message by link to the committee with the reason', async () => {
    const h = createHarness();
    const link = h.platform.addMessage('CGEN', 'p42', 'Rejoignez notre mouvement spirituel, seule voie de salut', 'UBOB');
    const r = await h.bot.handleCommand(h.command(`signaler ${link} prosélytisme insistant`));
    expect(r.message.text).toMatch(/Merci/);
    const line = h.platform.postsIn('CCOM')[0].message.text;
    expect(line).toContain('Signalement de @alice');
    expect(line).toContain('@bob');
    expect(line).toContain('prosélytisme insistant');
    expect(line).toContain(link);
  });

  it('handles the report shortcut and an unknown link kindly', async () => {
    const h = createHarness();
    const r = await h.bot.handleReport({ platform: 'playground', reporter: h.users.bob, reason: 'insulte', message: { channelId: 'CGEN', messageId: 'p1', text: 'texte', authorId: 'UALICE' } });
    expect(r.message.text).toMatch(/Merci/);
    const bad = await h.bot.handleCommand(h.command('signaler https://chat.example.test/CGEN/nope raison'));
    expect(bad.message.text).toMatch(/Je ne retrouve pas ce message/);
  });

  it('tells a member what the bot holds about them', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO));
    const r = await h.bot.handleCommand(h.command('mes-donnees'));
    expect(r.message.text).toMatch(/1 rappel/);
    expect(r.message.text).toContain('~general');
    expect(r.message.text).toMatch(/90 jours/);
  });
});

describe('/charte for the committee', () => {
  it('politely refuses every committee command to non-members', async () => {
    const h = createHarness();
    for (const text of ['stats', 'mode observation', 'exempter #general', 'inclure #general', 'seuil 0.7', 'resume', 'quotidien 18', 'lancement 2026-12-15', 'comite coucou', 'oublier @bob']) {
      const r = await h.bot.handleCommand(h.command(text, h.users.alice));
      expect(r.message.text).toMatch(/réservée aux membres du comité/);
    }
    expect(h.platform.posts).toHaveLength(0);
    expect(await h.store.getSettings()).toEqual({});
  });

  it('exempts and includes a channel given as #name, ~name or <#ID|name>', async () => {
    const h = createHarness();
    await h.bot.handleCommand(h.command('exempter <#CGEN|general>', h.users.carol, h.channels.committee));
    await h.bot.handleMessage(h.message(PROMO));
    expect(h.platform.dms).toHaveLength(0);
    await h.bot.handleCommand(h.command('inclure ~general', h.users.carol, h.channels.committee));
    await h.bot.handleMessage(h.message(PROMO));
    expect(h.platform.dms).toHaveLength(1);
    const unknown = await h.bot.handleCommand(h.command('exempter #nulle-part', h.users.carol, h.channels.committee));
    expect(unknown.message.text).toMatch(/Je ne trouve pas le canal/);
  });

  it('changes the threshold, and a very high one lets promotion through', async () => {
    const h = createHarness();
    await h.bot.handleCommand(h.command('seuil 1', h.users.carol, h.channels.committee));
    await h.bot.handleMessage(h.message('Petit rappel : mon atelier est à 45 €.'));
    expect(h.platform.dms).toHaveLength(0);
    expect((await h.store.getSettings()).threshold).toBe(1);
  });

  it('posts under the committee’s name in the current channel or thread', async () => {
    const h = createHarness();
    const r = await h.bot.handleCommand(h.command('comite Merci de garder un ton bienveillant 🙏', h.users.carol, h.channels.general, 'thread-1'));
    expect(r.message.text).toMatch(/Posté au nom du comité/);
    const post = h.platform.postsIn('CGEN')[0];
    expect(post.message.text).toContain('Le comité éthique');
    expect(post.threadId).toBe('thread-1');
  });

  it('forgets a member given as <@ID> or @name', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO));
    const r = await h.bot.handleCommand(h.command('oublier @alice', h.users.carol, h.channels.committee));
    expect(r.message.text).toMatch(/1 cas/);
    expect((await h.store.exportUser('UALICE')).incidents).toHaveLength(0);
    const again = await h.bot.handleCommand(h.command('oublier <@UALICE>', h.users.carol, h.channels.committee));
    expect(again.message.text).toMatch(/0 cas/);
    const unknown = await h.bot.handleCommand(h.command('oublier @personne', h.users.carol, h.channels.committee));
    expect(unknown.message.text).toMatch(/Je ne connais pas/);
  });

  it('gives stats over a number of days', async () => {
    const h = createHarness();
    await h.bot.handleMessage(h.message(PROMO));
    const r = await h.bot.handleCommand(h.command('stats 7', h.users.carol, h.channels.committee));
    expect(r.message.text).toContain('7 derniers jours : 1 cas');
    expect(r.message.text).toContain('rappels envoyés : 1');
  });

  it('shows a usage line for malformed commands and an apology, not a trace, when the store fails', async () => {
    const h = createHarness();
    expect((await h.bot.handleCommand(h.command('seuil 3', h.users.carol))).message.text).toMatch(/Usage/);
    h.store.getSettings = async () => {
      throw new Error('boom');
    };
    const r = await h.bot.handleCommand(h.command('stats', h.users.carol));
    expect(r.message.text).toMatch(/Oups/);
    expect(r.message.text).not.toContain('boom');
  });

  it('answers in English with English aliases', async () => {
    const h = createHarness({ locale: 'en' });
    const r = await h.bot.handleCommand(h.command('mode observe', h.users.carol, h.channels.committee));
    expect(r.message.text).toMatch(/Observation mode/);
    const refused = await h.bot.handleCommand(h.command('forget @bob'));
    expect(refused.message.text).toMatch(/for members of the ethics committee/);
  });
});
