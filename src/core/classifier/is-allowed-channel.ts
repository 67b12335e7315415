/**
 * Is `channelName` the channel where promotion is allowed (`annonces` by default)? Accepts the forms
 * platforms and people write: `#annonces`, `~annonces` (Mattermost), `Annonces`.
 */
export function isAllowedChannel(channelName: string | null | undefined, annoncesChannel: string): boolean {
  if (!channelName) return false;
  return bareChannelName(channelName) === bareChannelName(annoncesChannel);
}

export function bareChannelName(name: string): string {
  return name.trim().replace(/^[#~]+/, '').toLowerCase();
}

/** Direct messages: the bot never reminds anyone about what they write in private. */
export function isDirectChannel(channelName: string | null | undefined): boolean {
  if (!channelName) return false;
  const c = channelName.trim();
  return c.startsWith('@') || /^(?:dm|im|direct|mpim)$/i.test(c) || /^D[A-Z0-9]{6,}$/.test(c);
}

/** What the bot would do for a first-time author: remind only for promotion outside the allowed channel. */
export function actionFor(promotional: boolean, channelName: string | null | undefined, annoncesChannel: string): 'remind' | 'none' {
  if (!promotional) return 'none';
  if (isDirectChannel(channelName) || isAllowedChannel(channelName, annoncesChannel)) return 'none';
  return 'remind';
}
