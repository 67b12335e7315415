import type { ChatPlatform } from '../core/ports/chat-platform.js';

export type AroundCall = (method: string, args: unknown[], invoke: () => Promise<unknown>) => Promise<unknown>;

/**
 * Wraps every method of a platform with `around`, passing properties (`name`, `format`, a `botUserId`
 * learnt after connecting) straight through, and keeping optional methods optional: a method the
 * platform lacks stays absent, so the core's feature checks still work.
 */
export function decoratePlatform(platform: ChatPlatform, around: AroundCall): ChatPlatform {
  return new Proxy(platform, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => around(prop, args, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}
