import { describe, expect, it } from 'vitest';
import { routeSdkConsole } from '../../../src/adapters/mattermost/route-sdk-console.js';
import { CaptureLogger } from '../../fakes/capture-logger.js';

describe('routeSdkConsole', () => {
  it("sends the Mattermost client's console notes to the structured log at debug, cut short, and restores console.log after", () => {
    const before = console.log;
    const log = new CaptureLogger();
    const release = routeSdkConsole(log);
    console.log('websocket connecting to ws://mm.example/api/v4/websocket');
    console.log({ seq_reply: 3, error: { message: 'x'.repeat(1000) } });
    release();
    release(); // twice is harmless
    expect(console.log).toBe(before);
    expect(log.lines.map((l) => l.level)).toEqual(['debug', 'debug']);
    expect(log.lines[0]!.fields.note).toBe('websocket connecting to ws://mm.example/api/v4/websocket');
    expect(String(log.lines[1]!.fields.note).length).toBeLessThanOrEqual(300);
  });

  it('keeps the route until the last of several intakes releases it', () => {
    const before = console.log;
    const a = routeSdkConsole(new CaptureLogger());
    const b = routeSdkConsole(new CaptureLogger());
    a();
    expect(console.log).not.toBe(before);
    b();
    expect(console.log).toBe(before);
  });
});
