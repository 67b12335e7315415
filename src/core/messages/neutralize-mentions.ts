const ZWJ = '\u200d';

/**
 * Core-level defence, applied to everything the bot posts on top of `format.escape()`: breaks the
 * broadcast mentions of Slack (`<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`) and of
 * Mattermost/Slack plain text (`@channel`, `@here`, `@all`, `@everyone`) by inserting a zero-width
 * joiner, so a quoted member's text can never ping a whole channel. Single-user mentions (`<@U1>`,
 * `@alice`) are left alone: the bot uses them on purpose.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/<!(channel|here|everyone|subteam\^)/gi, `<${ZWJ}!$1`)
    .replace(/&lt;!(channel|here|everyone|subteam\^)/gi, `&lt;${ZWJ}!$1`)
    .replace(/@(channel|here|all|everyone)\b/gi, `@${ZWJ}$1`);
}

/** Caps a text to `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Excerpt for the committee: one line, at most 280 characters. */
export function excerptOf(text: string, max = 280): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}
