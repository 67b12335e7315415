import { describe, expect, it } from 'vitest';
import type { MessageVerdict } from '../../../src/core/classifier/verdict.js';
import { decideAction, type PolicyInput } from '../../../src/core/policy/decide-action.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-02T10:00:00Z');
const promo: MessageVerdict = { promotional: true, score: 0.9, reasons: [{ code: 'price', fr: 'un prix', en: 'a price' }], conduct: { flags: [], reasons: [] } };
const clean: MessageVerdict = { promotional: false, score: 0.1, reasons: [], conduct: { flags: [], reasons: [] } };

function input(over: Partial<PolicyInput> = {}): PolicyInput {
  return {
    channel: { id: 'CGEN', name: 'general', kind: 'public' },
    author: { id: 'UALICE', name: 'alice', isBot: false },
    botUserId: 'UBOT',
    annoncesChannel: { id: 'CANN', name: 'annonces' },
    committeeChannel: { id: 'CCOM', name: 'comite-charte' },
    exemptChannelIds: [],
    verdict: promo,
    alreadyHandled: false,
    mode: 'actif',
    grace: false,
    now: NOW,
    cooldownMs: 7 * DAY,
    reminders: [],
    ...over,
  };
}

describe('decideAction: where the bot looks', () => {
  it('reminds a first-time author of promotion in a public channel', () => {
    expect(decideAction(input())).toEqual({ kind: 'remind', grace: false, recidive: false });
  });
  it('also watches private channels it was invited to', () => {
    expect(decideAction(input({ channel: { id: 'CPRJ', name: 'projets', kind: 'private' } })).kind).toBe('remind');
  });
  it.each([
    ['a DM', { channel: { id: 'D1', name: 'dm', kind: 'dm' as const } }, 'direct-message'],
    ['a group DM', { channel: { id: 'G1', name: 'mpdm', kind: 'group' as const } }, 'direct-message'],
    ['another bot', { author: { id: 'URSS', name: 'rss', isBot: true } }, 'bot'],
    ['the bot itself', { author: { id: 'UBOT', name: 'charte-bot', isBot: false } }, 'bot'],
    ['the annonces channel', { channel: { id: 'CANN', name: 'annonces', kind: 'public' as const } }, 'annonces-channel'],
    ['the committee channel', { channel: { id: 'CCOM', name: 'comite-charte', kind: 'private' as const } }, 'committee-channel'],
    ['an exempted channel', { exemptChannelIds: ['CGEN'] }, 'exempt-channel'],
    ['a message already handled (edit)', { alreadyHandled: true }, 'already-handled'],
    ['a clean message', { verdict: clean }, 'clean'],
  ])('ignores %s', (_label, over, reason) => {
    expect(decideAction(input(over))).toEqual({ kind: 'ignore', reason });
  });
});

describe('decideAction: no nagging', () => {
  it('records a repeat inside the cooldown without a DM', () => {
    expect(decideAction(input({ reminders: [NOW - 2 * DAY] }))).toEqual({ kind: 'record-repeat', lastReminderAt: NOW - 2 * DAY, grace: false });
  });
  it('reminds again once the cooldown is over', () => {
    expect(decideAction(input({ reminders: [NOW - 8 * DAY] })).kind).toBe('remind');
  });
  it('flags « récidive » on the third reminder within 30 days, once', () => {
    expect(decideAction(input({ reminders: [NOW - 20 * DAY, NOW - 10 * DAY] }))).toEqual({ kind: 'remind', grace: false, recidive: true });
    expect(decideAction(input({ reminders: [NOW - 20 * DAY, NOW - 10 * DAY], recidiveAlertedAt: NOW - 5 * DAY }))).toEqual({
      kind: 'remind',
      grace: false,
      recidive: false,
    });
  });
  it('does not count reminders older than 30 days', () => {
    expect(decideAction(input({ reminders: [NOW - 40 * DAY, NOW - 10 * DAY] }))).toMatchObject({ recidive: false });
  });
});

describe('decideAction: modes, grace, conduct', () => {
  it('only observes in observation mode', () => {
    expect(decideAction(input({ mode: 'observation' })).kind).toBe('observe-would-remind');
    expect(decideAction(input({ mode: 'observation', reminders: [NOW - DAY] })).kind).toBe('observe-repeat');
  });
  it('keeps the grace flag and never raises « récidive » during the launch period', () => {
    expect(decideAction(input({ grace: true, reminders: [NOW - 20 * DAY, NOW - 10 * DAY] }))).toEqual({ kind: 'remind', grace: true, recidive: false });
  });
  it('sends conduct problems to the committee only', () => {
    const insult: MessageVerdict = { ...clean, conduct: { flags: ['insult'], reasons: [{ code: 'insult', fr: 'une insulte', en: 'an insult' }] } };
    expect(decideAction(input({ verdict: insult }))).toEqual({ kind: 'notify-conduct', flags: ['insult'] });
  });
});
