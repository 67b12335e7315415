/**
 * Platform markup. The core writes every outgoing text through this, so that Slack gets mrkdwn
 * (`*bold*`, `<url|label>`, `<#C1>`) and Mattermost / the playground get Markdown (`**bold**`,
 * `[label](url)`, `~name`).
 */
export interface TextFormatter {
  bold(text: string): string;
  italic(text: string): string;
  link(url: string, label: string): string;
  /** A clickable channel reference (`<#C123>` on Slack, `~annonces` on Mattermost). */
  channel(channel: { id: string; name: string }): string;
  /** A user reference that does NOT notify more than that one user (`<@U1>`, `@name`). */
  user(user: { id: string; name: string }): string;
  /**
   * Makes untrusted text (a member's message quoted to the committee, a repost) inert: no live
   * `<!channel>`, `<!here>`, `@all`, no injected links or markup that changes meaning.
   */
  escape(untrusted: string): string;
  /** A block quote of already-escaped text. */
  quote(escaped: string): string;
}
