import { describe, expect, it } from 'vitest';
import { defuseGroupMentions, MattermostFormatter } from '../../../src/adapters/mattermost/mattermost-formatter.js';
import { parsePermalink } from '../../../src/adapters/mattermost/mattermost-platform.js';

const f = new MattermostFormatter();
/** A live group mention as Mattermost's server sees one: `@` directly followed by the keyword. */
const LIVE = /@(channel|all|here)(?![\p{L}\p{N}])/iu;

describe('MattermostFormatter', () => {
  it('writes Markdown for bold, links, channels and users', () => {
    expect(f.bold('attention')).toBe('**attention**');
    expect(f.link('https://coop.example/charte', 'la charte')).toBe('[la charte](https://coop.example/charte)');
    expect(f.link('https://x.example/a (b)', 'x]y')).toBe('[x\\]y](https://x.example/a%20%28b%29)');
    expect(f.channel({ id: 'c1', name: 'annonces' })).toBe('~annonces');
    expect(f.user({ id: 'u1', name: 'alice' })).toBe('@alice');
  });

  it.each(['@channel', '@all', '@here', '@HERE !', 'salut @channel.', 'cc @all: réunion'])('escape() makes "%s" inert', (text) => {
    const out = f.escape(text);
    expect(out).not.toMatch(LIVE);
    expect(out.replace(/[\u200D\\]/g, '')).toBe(text);
  });

  it('escape() breaks every mention in quoted text, so quoting never pings anyone', () => {
    expect(f.escape('merci @bob')).not.toMatch(/@bob/);
  });

  it('escape() neutralises injected links, images and headings', () => {
    const out = f.escape('# GROS TITRE\n[cliquez ici](https://evil.example) ![img](https://evil.example/x.png)\n1. liste');
    expect(out).not.toMatch(/^#/m);
    expect(out).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/);
    expect(out).not.toMatch(/(^|[^\\])!\\?\[/);
    expect(out).toContain('\\# GROS TITRE');
    expect(out).toContain('1\\. liste');
  });

  it('escape() keeps bare URLs clickable but still defuses a group mention hidden in one', () => {
    expect(f.escape('voir https://ex.example/foo_bar?x=1 !')).toContain('https://ex.example/foo_bar?x=1');
    expect(f.escape('https://ex.example/@here')).not.toMatch(LIVE);
    expect(f.escape('[ici](https://evil.example)')).toBe('\\[ici\\]\\(https://evil.example\\)');
  });

  it('quote() prefixes every line', () => {
    expect(f.quote('a\nb')).toBe('> a\n> b');
  });

  it('defuseGroupMentions() leaves ordinary mentions and e-mails alone', () => {
    expect(defuseGroupMentions('@alice et @allison')).toBe('@alice et @allison');
    expect(defuseGroupMentions('@here')).not.toMatch(LIVE);
  });
});

describe('parsePermalink', () => {
  const server = 'https://chat.example.coop';
  const id = 'q8n5tbo8jbrjbxwfs8yskbgpma';
  it('reads a permalink of this server', () => {
    expect(parsePermalink(`${server}/coop/pl/${id}`, server)).toBe(id);
    expect(parsePermalink(`https://chat.example.coop/mm/coop/pl/${id}`, 'https://chat.example.coop/mm')).toBe(id);
  });
  it('refuses other servers and malformed links', () => {
    expect(parsePermalink(`https://evil.example/coop/pl/${id}`, server)).toBeUndefined();
    expect(parsePermalink(`${server}/coop/channels/general`, server)).toBeUndefined();
    expect(parsePermalink('pas un lien', server)).toBeUndefined();
  });
});
