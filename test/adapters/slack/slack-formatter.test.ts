import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlackFormatter } from '../../../src/adapters/slack/slack-formatter.js';

const f = new SlackFormatter();

/** What Slack would turn into a notification or a link: `<!…>`, `<@…>`, `<#…>`, `<http…>` tokens. */
const LIVE_TOKEN = /<[!@#]|<https?:|<mailto:/;

describe('SlackFormatter', () => {
  it('writes mrkdwn for bold, links, channels and users', () => {
    expect(f.bold('Bien vu')).toBe('*Bien vu*');
    expect(f.italic('psst')).toBe('_psst_');
    expect(f.link('https://coop.example/charte?a=1&b=2', 'la charte')).toBe('<https://coop.example/charte?a=1&amp;b=2|la charte>');
    expect(f.channel({ id: 'C0ANNONCES', name: 'annonces' })).toBe('<#C0ANNONCES>');
    expect(f.user({ id: 'U0ALICE', name: 'alice' })).toBe('<@U0ALICE>');
  });

  it('keeps a link label from closing the link early', () => {
    expect(f.link('https://x.example/a|b>c', 'a|b>c')).toBe('<https://x.example/a%7Cb%3Ec|a¦b&gt;c>');
  });

  it('makes broadcast mentions, user mentions and links in untrusted text inert', () => {
    const escaped = f.escape('Promo ! <!channel> <!here> <!everyone> <@U0BRUNO> <https://spam.example|clic> & co');
    expect(escaped).not.toMatch(LIVE_TOKEN);
    expect(escaped).toContain('&lt;!channel&gt;');
    expect(escaped).toContain('&amp; co');
  });

  it('defuses plain @channel / @here words too', () => {
    expect(f.escape('@channel @here @everyone')).not.toMatch(/@(channel|here|everyone)/);
  });

  it('never lets anything live through escape (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '!', '@', '#', '&', '|', 'c', 'h', 'a', 'n', 'e', 'l', 'r', ' ', 'U', '1') }), (s) => {
        const out = f.escape(s);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/@(channel|here|everyone)/i);
      }),
    );
  });

  it('quotes every line', () => {
    expect(f.quote('un\ndeux')).toBe('> un\n> deux');
  });
});
