import type { TextFormatter } from '../../core/ports/text-formatter.js';

/** U+2060 WORD JOINER would also do; U+200D is what the server's mention splitter treats as a separator. */
const ZWJ = '\u200D';

/**
 * `@channel`, `@all`, `@here` (any case) that would notify everyone. Mattermost splits words on anything
 * but letters, digits and `.-_:@`, then trims trailing punctuation, so `@here.` and `@all:` still notify.
 */
const GROUP_MENTION = /@(?=(?:channel|all|here)(?![\p{L}\p{N}]))/giu;

/** Defuses group mentions in any text the bot posts (safety net under `escape`). */
export function defuseGroupMentions(text: string): string {
  return text.replace(GROUP_MENTION, `@${ZWJ}`);
}

/** A bare URL, without the characters Markdown link syntax needs. Capturing, so `split` keeps it. */
const BARE_URL = /(https?:\/\/[^\s<>()[\]`*!|~]+)/g;

/** Escapes Markdown and breaks every mention in text that is not a URL. */
function escapeProse(text: string): string {
  return text
    .replace(MARKDOWN_SPECIALS, (c) => `\\${c}`)
    .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZWJ}`)
    .replace(/^(\s*)(#{1,6}|[-+=])(?=\s|$)/gm, (_m, indent: string, marker: string) => `${indent}\\${marker}`)
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, (_m, num: string, dot: string) => `${num}\\${dot}`);
}

/** Markdown punctuation that can change meaning: links, images, emphasis, code, channel links, tables. */
const MARKDOWN_SPECIALS = /[\\`*_[\]()!~|<>]/g;

/**
 * Mattermost flavour of Markdown. Quoted member text is made inert: every `@mention` is broken with a
 * zero-width joiner (quoting a message to the committee must not ping anyone), Markdown punctuation is
 * backslash-escaped (no injected `[label](url)`, `![img](url)`), and line-leading `#`, `>`, `-`, `+`,
 * `1.` lose their heading/quote/list meaning.
 */
export class MattermostFormatter implements TextFormatter {
  bold(text: string): string {
    return `**${text}**`;
  }

  italic(text: string): string {
    return `_${text}_`;
  }

  link(url: string, label: string): string {
    const safeUrl = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    const safeLabel = label.replace(/[[\]\\]/g, (c) => `\\${c}`);
    return `[${safeLabel}](${safeUrl})`;
  }

  channel(channel: { id: string; name: string }): string {
    return `~${channel.name}`;
  }

  user(user: { id: string; name: string }): string {
    // A username can't be `channel`/`all`/`here` on Mattermost, but a display name could be.
    return defuseGroupMentions(`@${user.name.replace(/\s+/g, '')}`);
  }

  escape(untrusted: string): string {
    // Bare URLs stay as typed (escaping `_` inside one would cut Mattermost's autolink); they hold no
    // brackets or parentheses, so they can't form a Markdown link. Group mentions are defused everywhere.
    const parts = untrusted.split(BARE_URL);
    const escaped = parts.map((part, i) => (i % 2 === 1 ? part : escapeProse(part))).join('');
    return defuseGroupMentions(escaped);
  }

  quote(escaped: string): string {
    return escaped
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  }
}
