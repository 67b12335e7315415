import { config as loadDotenv } from 'dotenv';
import { startBot } from '../app/start-bot.js';
import { CharteBotError } from '../core/errors.js';

/** Grace for in-flight work on SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `charte-bot start`: loads `.env` (the process environment wins), starts the bot and prints one line
 * with what runs where. Returns -1 to keep the process alive on its servers.
 */
export async function startCommand(_args: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  let bot;
  try {
    bot = await startBot();
  } catch (err) {
    const message = err instanceof CharteBotError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`charte-bot: cannot start.\n${message}\n`);
    return 1;
  }
  const kind = bot.config.platform.kind;
  const where = bot.url ? ` — ${bot.url}` : '';
  const label = kind === 'playground' ? 'playground ready' : `connected to ${kind}`;
  process.stdout.write(`charte-bot: ${label}${where}\n`);

  const shutdown = (signal: string) => {
    process.stderr.write(`charte-bot: ${signal} received, finishing in-flight work…\n`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return -1;
}
