import type { TextFormatter } from '../../core/ports/text-formatter.js';

// Markdown punctuation that could change meaning when a member's text is quoted: emphasis, links,
// code, headings, block quotes, tables, channel links (`~name`) and raw HTML (`<…>`).
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-!|~<>]/g;
// Mass mentions in both Markdown (`@channel`) and Slack syntax (`<!channel>` is handled by escaping `<`).
const MENTION = /@(?=[\p{L}\p{N}_.-])/gu;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Markdown for the playground (the same dialect Mattermost reads): `**bold**`, `_italic_`,
 * `[label](url)`, `~channel`, `@user`. The page renders it into DOM nodes, never as HTML.
 */
export const markdownFormatter: TextFormatter = {
  bold: (text) => `**${text}**`,
  italic: (text) => `_${text}_`,
  link: (url, label) => `[${label.replace(/[[\]]/g, '\\$&')}](${url.replace(/[()\s]/g, encodeURIComponent)})`,
  channel: (channel) => `~${channel.name}`,
  user: (user) => `@${user.name}`,
  escape: (untrusted) =>
    untrusted
      // Backslash-escaped punctuation shows as itself and cannot open markup; `<script>` stays text.
      .replace(MARKDOWN_SPECIALS, '\\$&')
      // A zero-width space after `@` keeps `@channel`, `@here`, `@all` (and any @name) from notifying.
      .replace(MENTION, `@${ZERO_WIDTH_SPACE}`),
  quote: (escaped) =>
    escaped
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
};
