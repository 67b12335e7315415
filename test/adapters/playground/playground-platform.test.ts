import { describe, expect, it } from 'vitest';
import { PlaygroundPlatform, parsePermalink } from '../../../src/adapters/playground/playground-platform.js';
import { PlaygroundWorkspace } from '../../../src/adapters/playground/playground-workspace.js';
import { PlatformError } from '../../../src/core/errors.js';

function setup() {
  const workspace = PlaygroundWorkspace.fresh({ channels: { general: 'general', annonces: 'annonces', committee: 'comite-charte' }, now: () => 1_700_000_000_000 });
  const platform = new PlaygroundPlatform(workspace, () => 'http://127.0.0.1:3000');
  return { workspace, platform };
}

describe('PlaygroundPlatform', () => {
  it('finds the annonces and committee channels; the committee channel is private with the bot in it', async () => {
    const { platform } = setup();
    expect(await platform.findChannelByName('annonces')).toEqual({ id: 'annonces', name: 'annonces', kind: 'public' });
    expect(await platform.findChannelByName('#comite-charte')).toEqual({ id: 'comite-charte', name: 'comite-charte', kind: 'private' });
    expect(await platform.isBotInChannel('comite-charte')).toBe(true);
    expect(await platform.findChannelByName('nulle-part')).toBeUndefined();
  });

  it('knows who is on the committee: Sophie is, Camille and the support staff are not', async () => {
    const { platform } = setup();
    expect(await platform.isChannelMember('comite-charte', 'sophie')).toBe(true);
    expect(await platform.isChannelMember('comite-charte', 'camille')).toBe(false);
    expect(await platform.isChannelMember('comite-charte', 'nadia')).toBe(false);
  });

  it('sends a DM into the member’s conversation with the bot, only visible to them', async () => {
    const { platform, workspace } = setup();
    const ref = await platform.sendDirectMessage('camille', { text: 'Psst', buttons: [{ action: 'not_promo', label: 'Non', value: 'i1' }] });
    expect(ref.channelId).toBe('dm-camille');
    const posted = workspace.message(ref.messageId)!;
    expect(posted).toMatchObject({ authorId: 'charte-bot', text: 'Psst' });
    expect(workspace.canSee('camille', posted)).toBe(true);
    expect(workspace.canSee('yanis', posted)).toBe(false);
  });

  it('throws a NOT_FOUND PlatformError for an unknown member or channel', async () => {
    const { platform } = setup();
    await expect(platform.sendDirectMessage('personne', { text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(platform.postToChannel('nulle-part', { text: 'x' })).rejects.toBeInstanceOf(PlatformError);
  });

  it('posts a reply to a reply in the thread’s root', async () => {
    const { platform, workspace } = setup();
    const root = workspace.addMessage({ channelId: 'general', authorId: 'yanis', text: 'Question ?' });
    const reply = workspace.addMessage({ channelId: 'general', authorId: 'lea', text: 'Réponse', threadId: root.id });
    const ref = await platform.postToChannel('general', { text: 'Bot' }, { threadId: reply.id });
    expect(workspace.message(ref.messageId)?.threadId).toBe(root.id);
  });

  it('updates its own messages (buttons removed) but never a member’s', async () => {
    const { platform, workspace } = setup();
    const ref = await platform.postToChannel('comite-charte', { text: 'Ligne', buttons: [{ action: 'verdict_confirmed', label: 'Bien vu', value: 'i1' }] });
    await platform.updateMessage(ref, { text: '✅ Bien vu' });
    expect(workspace.message(ref.messageId)).toMatchObject({ text: '✅ Bien vu' });
    expect(workspace.message(ref.messageId)?.buttons).toBeUndefined();
    const member = workspace.addMessage({ channelId: 'general', authorId: 'camille', text: 'à moi' });
    await expect(platform.updateMessage({ channelId: 'general', messageId: member.id }, { text: 'piraté' })).rejects.toBeInstanceOf(PlatformError);
  });

  it('makes permalinks it can resolve back to the message', async () => {
    const { platform, workspace } = setup();
    const m = workspace.addMessage({ channelId: 'general', authorId: 'camille', text: 'Mon offre à 490 €' });
    const link = (await platform.permalink('general', m.id))!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/#c=general&m=/);
    expect(await platform.resolvePermalink(link)).toEqual({ channelId: 'general', messageId: m.id, text: 'Mon offre à 490 €', authorId: 'camille' });
    expect(await platform.resolvePermalink('https://ailleurs.example/#c=general&m=nope')).toBeUndefined();
    expect(parsePermalink('pas un lien')).toBeUndefined();
  });
});

describe('PlaygroundPlatform lookups', () => {
  it('finds members by handle or display name, accents and case ignored', async () => {
    const { platform } = setup();
    expect(await platform.findUserByName('@camille')).toEqual({ id: 'camille', name: 'camille', isBot: false });
    expect(await platform.findUserByName('lea rousseau')).toMatchObject({ id: 'lea' });
    expect(await platform.findUserByName('personne')).toBeUndefined();
    expect(platform.botUserId).toBe('charte-bot');
  });
});
