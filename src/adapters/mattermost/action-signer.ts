import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a button carries back to `/mattermost/action` in `integration.context`. */
export interface ActionContext {
  action: string;
  value: string;
  /** When set, only this user may click (a reminder DM's buttons belong to its recipient). */
  for?: string;
  sig: string;
}

/**
 * Mattermost does not sign the requests it sends to button URLs, so the bot signs the button context
 * itself: a click whose context was not made by this bot (forged, or from another bot) is refused.
 * The key is derived from the bot token, which only this process and the server know.
 */
export class ActionSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('charte-bot mattermost action context v1').digest();
  }

  sign(action: string, value: string, forUser?: string): ActionContext {
    const context: ActionContext = { action, value, sig: '' };
    if (forUser) context.for = forUser;
    context.sig = this.mac(action, value, forUser);
    return context;
  }

  /** True when `context` was signed by this bot (constant-time comparison). */
  verify(context: { action?: unknown; value?: unknown; for?: unknown; sig?: unknown }): boolean {
    const { action, value, sig } = context;
    const forUser = context.for;
    if (typeof action !== 'string' || typeof value !== 'string' || typeof sig !== 'string') return false;
    if (forUser !== undefined && typeof forUser !== 'string') return false;
    const expected = Buffer.from(this.mac(action, value, forUser), 'utf8');
    const given = Buffer.from(sig, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(action: string, value: string, forUser: string | undefined): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify([action, value, forUser ?? '']))
      .digest('base64url');
  }
}

/** Constant-time string equality (hashing first, so lengths don't leak either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
