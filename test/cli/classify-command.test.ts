import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The real CLI, as a user runs it: `node bin/charte-bot.js …` on the built dist/ (npm test builds first).
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/charte-bot.js`;

function run(args: string[], input = '', env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root, input, encoding: 'utf8', env: { ...process.env, LOCALE: '', ANNONCES_CHANNEL: '', ...env }, maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(`${root}dist/cli/main.js`)) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
}, 120_000);

describe('charte-bot classify (JSON lines)', () => {
  it('answers one line per input, in order, with the contract fields', () => {
    const input = [
      { id: 'a', channel: '#general', text: 'Pack logo + cartes de visite 390€, écrivez-moi en MP' },
      { id: 'b', channel: '#annonces', text: 'Pack logo + cartes de visite 390€, écrivez-moi en MP' },
      { id: 'c', channel: '#general', text: 'Bon appétit tout le monde 🍝' },
      { id: 'd', channel: '#random', text: 'Espèce de clown, va vendre tes salades ailleurs' },
      { id: 'e', channel: '@alice', text: 'Pack logo + cartes de visite 390€, écrivez-moi en MP' },
      { id: 'f', channel: '#entraide', text: 'Moi ! Je fais des logos, 300€, je t’envoie mon book en MP', parent: 'Quelqu’un connaît un graphiste pour un logo ? Des recommandations ?' },
    ].map((o) => JSON.stringify(o)).join('\n');
    const r = run(['classify'], `${input}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(Object.keys(out[0]).sort()).toEqual(['action', 'conduct', 'id', 'promotional', 'reasons', 'score']);
    expect(out[0]).toMatchObject({ promotional: true, action: 'remind', conduct: [] });
    expect(out[0].reasons).toContain('un prix (390 €)');
    expect(out[1]).toMatchObject({ promotional: true, action: 'none' });
    expect(out[2]).toMatchObject({ promotional: false, action: 'none', reasons: [] });
    expect(out[3]).toMatchObject({ promotional: false, action: 'none', conduct: ['insult'] });
    expect(out[4]).toMatchObject({ action: 'none' });
    expect(out[5]).toMatchObject({ promotional: false, action: 'none' });
    for (const o of out) expect(o.score).toBeGreaterThanOrEqual(0), expect(o.score).toBeLessThanOrEqual(1);
  });

  it('turns a malformed line into an error line without losing the order', () => {
    const input = ['{"id":1,"channel":"#general","text":"Salut !"}', 'not json at all', '{"id":"x","channel":"#general"}', '[1,2]', '{"id":3,"channel":"#general","text":"Cours de yoga 15€ la séance, réservez !"}'].join('\n');
    const r = run(['classify'], input);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].id).toBe(1);
    expect(out[1]).toEqual({ id: null, error: expect.any(String) });
    expect(out[2]).toEqual({ id: 'x', error: expect.stringContaining('text') });
    expect(out[3].id).toBeNull();
    expect(out[4]).toMatchObject({ id: 3, action: 'remind' });
  });

  it('speaks English on request and honours ANNONCES_CHANNEL', () => {
    const line = JSON.stringify({ id: 1, channel: '~pub', text: 'Shiatsu 50€ la séance, -20% avec le code ZEN20' });
    const en = JSON.parse(run(['classify', '--lang', 'en'], line).stdout);
    expect(en.reasons).toContain('a price (€50)');
    expect(en.action).toBe('remind');
    const allowed = JSON.parse(run(['classify'], line, { ANNONCES_CHANNEL: 'pub', LOCALE: 'en' }).stdout);
    expect(allowed.action).toBe('none');
    expect(allowed.reasons).toContain('a price (€50)');
  });

  it('streams a large input', () => {
    const line = JSON.stringify({ id: 0, channel: '#general', text: 'Qui vient au pique-nique dimanche ? 🧺' });
    const input = `${Array.from({ length: 5000 }, (_, i) => line.replace('"id":0', `"id":${i}`)).join('\n')}\n`;
    const r = run(['classify'], input);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(5000);
    expect(JSON.parse(out[4999]).id).toBe(4999);
  });
});

describe('charte-bot classify "texte"', () => {
  it('prints a verdict for a person, in French', () => {
    const r = run(['classify', 'Atelier aquarelle samedi, 45€, plus que 3 places, inscriptions en MP', '--channel', 'general']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Verdict : ça ressemble à de la promotion \(score (?:0,\d\d|1,00)\)/);
    expect(r.stdout).toMatch(/Pourquoi : .*un prix \(45 €\)/);
    expect(r.stdout).toMatch(/Conduite : rien à signaler/);
    expect(r.stdout).toMatch(/Ce que ferait le bot : dans #general, un petit conseil/);
  });

  it('knows the bot stays quiet in #annonces and for solicited replies', () => {
    expect(run(['classify', 'Atelier aquarelle samedi, 45€', '--channel', 'annonces']).stdout).toMatch(/rien : #annonces est justement fait pour ça/);
    const r = run(['classify', 'Moi ! Je suis plombière à Lyon, 60€ le déplacement', '--channel', 'entraide', '--parent', 'Quelqu’un connaît un plombier sur Lyon ?']);
    expect(r.stdout).toMatch(/pas de promotion/);
  });

  it('refuses a bad option with a clear message', () => {
    const r = run(['classify', 'x', '--threshold', 'beaucoup']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threshold/);
  });
});

describe('charte-bot eval', () => {
  it('prints precision, recall, F1, the confusion matrix and conduct figures', () => {
    const r = run(['eval', 'data/eval/devset.jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/precision 1?\.?\d+\s+recall \d\.\d{3}\s+F1 \d\.\d{3}/);
    expect(r.stdout).toMatch(/action remind\s+\d+\s+\d+/);
    expect(r.stdout).toMatch(/conduct recall \d\.\d{3} \(insult \d+\/10, proselytism \d+\/6\)/);
  });

  it('lists mistakes with their signals, and accepts --threshold and --json', () => {
    const r = run(['eval', 'data/eval/extra.jsonl', '--errors', '--threshold', '0.9']);
    expect(r.stdout).toMatch(/Mistakes \(\d+\):/);
    expect(r.stdout).toMatch(/false_negative .*\n.*\n\s+signals: .*a price/);
    const j = JSON.parse(run(['eval', 'data/eval/devset.jsonl', '--json']).stdout);
    expect(j).toMatchObject({ lines: 418, tp: expect.any(Number), precision: expect.any(Number) });
  });

  it('says so when the file is missing', () => {
    const r = run(['eval', 'nope.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read nope\.jsonl/);
  });
});
