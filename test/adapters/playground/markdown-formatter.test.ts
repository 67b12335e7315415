import { describe, expect, it } from 'vitest';
import { markdownFormatter as f } from '../../../src/adapters/playground/markdown-formatter.js';

describe('markdownFormatter', () => {
  it('writes the Markdown the page renders', () => {
    expect(f.bold('Bien vu')).toBe('**Bien vu**');
    expect(f.italic('psst')).toBe('_psst_');
    expect(f.channel({ id: 'annonces', name: 'annonces' })).toBe('~annonces');
    expect(f.user({ id: 'camille', name: 'camille' })).toBe('@camille');
    expect(f.link('https://example.coop/charte', 'la charte')).toBe('[la charte](https://example.coop/charte)');
  });

  it('keeps a label with brackets from breaking out of its link', () => {
    expect(f.link('https://x.coop/a b', 'voir [ici]')).toBe('[voir \\[ici\\]](https://x.coop/a%20b)');
  });

  it.each(['@channel', '@here', '@all', '@everyone'])('neutralises the mass mention %s', (mention) => {
    const out = f.escape(`Réunion ${mention} demain`);
    expect(out).not.toMatch(new RegExp(`${mention}\\b`));
    expect(out.replace(/\u200b/g, '')).toContain(mention);
  });

  it('neutralises Slack-style <!channel> and raw HTML: every < is escaped', () => {
    const out = f.escape('<!channel> <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(out).not.toMatch(/(^|[^\\])</);
    expect(out).toContain('\\<script\\>');
  });

  it('defuses injected links, emphasis and channel links', () => {
    const out = f.escape('[gagnez](https://arnaque.example) **GRATUIT** ~annonces');
    expect(out).toBe('\\[gagnez\\]\\(https://arnaque.example\\) \\*\\*GRATUIT\\*\\* \\~annonces');
  });

  it('quotes every line of an escaped text', () => {
    expect(f.quote('ligne 1\nligne 2')).toBe('> ligne 1\n> ligne 2');
  });
});
