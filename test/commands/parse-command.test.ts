import { describe, expect, it } from 'vitest';
import { parseChannelRef, parseCommand, parseUserRef } from '../../src/commands/parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['', { name: 'help' }],
    ['aide', { name: 'help' }],
    ['HELP', { name: 'help' }],
    ['charte', { name: 'charter' }],
    ['rules', { name: 'charter' }],
    ['tuto', { name: 'tuto' }],
    ['mes-données', { name: 'my-data' }],
    ['test Mon offre à 10 €', { name: 'test', text: 'Mon offre à 10 €' }],
    ['signaler https://x.test/C1/p1 propos insultants', { name: 'report', link: 'https://x.test/C1/p1', reason: 'propos insultants' }],
    ['stats', { name: 'stats', days: 30 }],
    ['stats 7', { name: 'stats', days: 7 }],
    ['mode observation', { name: 'mode', mode: 'observation' }],
    ['mode active', { name: 'mode', mode: 'actif' }],
    ['seuil 0,65', { name: 'threshold', value: 0.65 }],
    ['threshold 1', { name: 'threshold', value: 1 }],
    ['résumé', { name: 'digest-now' }],
    ['quotidien 18h', { name: 'digest-setting', hour: 18 }],
    ['daily off', { name: 'digest-setting', hour: null }],
    ['lancement 2026-12-15', { name: 'launch', date: '2026-12-15' }],
    ['launch 15/12/2026', { name: 'launch', date: '2026-12-15' }],
    ['comité Merci de rester courtois 🙏', { name: 'committee-post', text: 'Merci de rester courtois 🙏' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it.each([
    ['mode turbo', 'mode'],
    ['seuil 2', 'threshold'],
    ['seuil abc', 'threshold'],
    ['exempter', 'exempt'],
    ['lancement demain', 'launch'],
    ['lancement 2026-02-30', 'launch'],
    ['signaler pas-un-lien raison', 'report'],
    ['oublier', 'forget'],
    ['test', 'test'],
    ['quotidien 25', 'digest-setting'],
  ])('%j is malformed', (input, command) => {
    expect(parseCommand(input)).toEqual({ name: 'malformed', command });
  });

  it('treats anything else as unknown, never throws', () => {
    expect(parseCommand('supprime-tout')).toEqual({ name: 'unknown', input: 'supprime-tout' });
    expect(parseCommand(undefined as unknown as string)).toEqual({ name: 'help' });
    expect(parseCommand('x'.repeat(100_000)).name).toBe('unknown');
  });
});

describe('channel and user references', () => {
  it.each([
    ['#general', { name: 'general' }],
    ['~general', { name: 'general' }],
    ['general', { name: 'general' }],
    ['<#C123|general>', { id: 'C123', name: 'general' }],
    ['<#C123>', { id: 'C123' }],
  ])('channel %s', (raw, expected) => {
    expect(parseChannelRef(raw)).toMatchObject(expected);
  });
  it.each([
    ['<@U123>', { id: 'U123' }],
    ['<@U123|alice>', { id: 'U123', name: 'alice' }],
    ['@alice', { name: 'alice' }],
  ])('user %s', (raw, expected) => {
    expect(parseUserRef(raw)).toMatchObject(expected);
  });
});
