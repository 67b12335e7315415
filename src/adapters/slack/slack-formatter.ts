import type { TextFormatter } from '../../core/ports/text-formatter.js';

/** Slack's three control characters; escaping them is Slack's own rule for text that must stay literal. */
function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain `@channel` / `@here` / `@everyone` are only live when a message is posted with `link_names`,
 * which we never set; a zero-width space after the `@` keeps them inert even if someone turns it on.
 */
function defuseBroadcastWords(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, '@\u200B$1');
}

/** Characters that would end a `<url|label>` early or start a new markup token inside it. */
function escapeUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C').replace(/\s/g, '%20');
}

/** Slack mrkdwn: `*bold*`, `_italic_`, `<url|label>`, `<#C1>`, `<@U1>`, `&lt;` escapes. */
export class SlackFormatter implements TextFormatter {
  bold(text: string): string {
    return `*${text}*`;
  }

  italic(text: string): string {
    return `_${text}_`;
  }

  link(url: string, label: string): string {
    // A label is shown verbatim; a `|` or `>` in it would break the link token.
    const safeLabel = escapeControl(label).replace(/\|/g, '¦');
    return `<${escapeUrl(url)}|${safeLabel}>`;
  }

  channel(channel: { id: string; name: string }): string {
    // Slack renders `<#C123>` with the channel's current name; without an id the name is the best we have.
    if (/^[CG][A-Z0-9]+$/.test(channel.id)) return `<#${channel.id}>`;
    return `#${escapeControl(channel.name)}`;
  }

  user(user: { id: string; name: string }): string {
    if (/^[UWB][A-Z0-9]+$/.test(user.id)) return `<@${user.id}>`;
    return `@${escapeControl(user.name)}`;
  }

  escape(untrusted: string): string {
    return defuseBroadcastWords(escapeControl(untrusted));
  }

  quote(escaped: string): string {
    return escaped
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
  }
}
