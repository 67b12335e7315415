import { createConnection } from 'node:net';

/** True when something answers on 127.0.0.1:port (tests skip with a message otherwise). */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Deletes every key of a test's namespace, so test runs leave the shared Redis as they found it. */
export async function clearRedisNamespace(namespace: string, url = 'redis://127.0.0.1:6379'): Promise<void> {
  const { createKeyv } = await import('@keyv/redis');
  const keyv = createKeyv(url, { namespace });
  try {
    await keyv.clear();
  } finally {
    await keyv.disconnect();
  }
}
