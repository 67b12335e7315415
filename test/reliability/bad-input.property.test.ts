import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../src/adapters/mattermost/post-to-message.js';
import { readMessageEvent } from '../../src/adapters/slack/slack-events.js';
import { classifyMessage, classifyMessages } from '../../src/core/classifier/classify-message.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import { messageEvent } from '../fakes/slack/slack-payloads.js';

/** Strings with what breaks naive code: lone surrogates, zero-widths, emoji joiners, control chars. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('\uD800', 'a\uDC00b', '\u200B\u200D\u2060', '👨\u200D💻'.repeat(50), '<!channel> <!here|here> @all', '\u0000\u0007\u001B[31m'),
);

/** A block tree nested deeper than any real message. */
const deepBlocks = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let node: unknown = { type: 'text', text: 'promo' };
  for (let i = 0; i < depth; i++) node = { type: 'rich_text_section', elements: [node] };
  return [node];
});

/** A real message envelope with fields removed, retyped or replaced at random. */
const mutatedSlackEvent = fc
  .record({
    text: nastyText,
    drop: fc.subarray(['text', 'user', 'channel', 'ts', 'channel_type', 'type', 'subtype', 'event_id', 'event']),
    retype: fc.dictionary(fc.constantFrom('text', 'user', 'channel', 'ts', 'thread_ts', 'subtype', 'message', 'previous_message'), fc.anything()),
    blocks: fc.option(deepBlocks),
  })
  .map(({ text, drop, retype, blocks }) => {
    const body = messageEvent({ text }) as Record<string, unknown> & { event: Record<string, unknown> };
    Object.assign(body.event, retype);
    if (blocks) body.event.blocks = blocks;
    for (const key of drop) {
      if (key === 'event_id' || key === 'event') delete body[key];
      else delete body.event[key];
    }
    return body;
  });

describe('bad input never escapes the parsers', () => {
  it('Slack: readMessageEvent returns a verdict for any JSON and any mangled real envelope', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), mutatedSlackEvent), (body) => {
        const read = readMessageEvent(body, 'U0CHARTE', 'B0CHARTE');
        expect(['skip', 'message', 'deleted']).toContain(read.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('Mattermost: parsePost accepts or refuses any value and any string as data.post', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue().map((v) => JSON.stringify(v)), nastyText), (raw) => {
        const post = parsePost(raw);
        if (post !== undefined) {
          expect(typeof post.id).toBe('string');
          expect(typeof post.message).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('/charte parsing: any text gives a command or the help, never a throw', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        expect(parseCommand(text)).toHaveProperty('name');
      }),
      { numRuns: 500 },
    );
  });

  it('detector: any text, 100 KB ones included, gives a score in [0, 1] and the same answer twice', () => {
    const long = fc.tuple(nastyText, fc.integer({ min: 1_000, max: 100_000 })).map(([s, n]) => (s || 'promo -50% ').repeat(Math.ceil(n / Math.max(1, s.length || 11))).slice(0, n));
    fc.assert(
      fc.property(fc.oneof(nastyText, long), fc.option(nastyText, { nil: undefined }), (text, parentText) => {
        const a = classifyMessage(text, { parentText });
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(1);
        expect(Number.isFinite(a.score)).toBe(true);
        expect(a.promotional).toBe(classifyMessage(text, { parentText }).promotional);
      }),
      { numRuns: 300 },
    );
  });

  it('detector, batch path (`classify` on JSON lines): any batch gives each message its one-by-one verdict', () => {
    const message = fc.record({ text: nastyText, parentText: fc.option(nastyText, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 40 }), (batch) => {
        expect(classifyMessages(batch)).toEqual(batch.map((m) => classifyMessage(m.text, m)));
      }),
      { numRuns: 100 },
    );
  });
});
