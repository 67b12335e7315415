import { describe, expect, it } from 'vitest';
import { parseActionId, toBlocks } from '../../../src/adapters/slack/slack-blocks.js';

describe('Block Kit rendering', () => {
  it('puts the text in a section and the buttons in an actions block with our action ids', () => {
    const blocks = toBlocks({
      text: 'Petit conseil',
      buttons: [
        { action: 'repost_annonces', label: 'Publier dans #annonces', value: 'inc-1', style: 'primary' },
        { action: 'not_promo', label: "Ce n'était pas de la pub", value: 'inc-1' },
      ],
    });
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Petit conseil' } });
    const elements = (blocks[1] as unknown as { elements: Record<string, unknown>[] }).elements;
    expect(elements.map((e) => [e.action_id, e.value, e.style])).toEqual([
      ['repost_annonces', 'inc-1', 'primary'],
      ['not_promo', 'inc-1', undefined],
    ]);
  });

  it('splits long text under the 3000-character section limit and keeps action ids unique', () => {
    const blocks = toBlocks({
      text: `${'a'.repeat(2500)}\n${'b'.repeat(2500)}\n${'c'.repeat(7000)}`,
      buttons: [
        { action: 'verdict_confirmed', label: 'Bien vu', value: '1' },
        { action: 'verdict_confirmed', label: 'Bien vu', value: '2' },
      ],
    });
    const sections = blocks.filter((b) => b.type === 'section') as unknown as { text: { text: string } }[];
    expect(sections.every((s) => s.text.text.length <= 3000)).toBe(true);
    expect(sections.map((s) => s.text.text).join('').replace(/\n/g, '').length).toBe(12000);
    const ids = (blocks.at(-1) as unknown as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);
    expect(new Set(ids).size).toBe(2);
    expect(ids.map(parseActionId)).toEqual(['verdict_confirmed', 'verdict_confirmed']);
  });
});
