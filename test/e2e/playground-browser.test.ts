import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlayground, type TestPlayground } from '../adapters/playground/playground-test-context.js';
import { realCoreFactory } from './scenario-core.js';

// Debian's Chromium; CHROMIUM_PATH points elsewhere on a developer's machine.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[playground-browser] skipped: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH.`);
}
// The README's picture is refreshed on demand (UPDATE_SCREENSHOT=1 npm test) or when missing; other runs
// write beside the test results, so a test run never leaves the work tree modified.
const README_SHOT = path.resolve('docs/playground.png');
const SCREENSHOT = process.env.UPDATE_SCREENSHOT === '1' || !existsSync(README_SHOT) ? README_SHOT : path.resolve('test-results/playground.png');
const PROMO = 'Je lance mon pack identité visuelle : logo + cartes de visite à 490 €, écrivez-moi en privé !';

describe.skipIf(!hasChromium)('playground in headless Chromium', () => {
  let pg: TestPlayground;
  let browser: BrowserContext;
  let page: Page;
  let userDataDir: string;

  beforeAll(async () => {
    pg = await startTestPlayground({ stateFile: null }, await realCoreFactory());
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'playground-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      // The machine's network is closed: without these flags Chromium keeps trying Google's hosts.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 640 },
      locale: 'fr-FR',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.running.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('a promotion in #general: DM, repost to #annonces, committee marks it «Bien vu»', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pg.running.url);

    // Camille (default member) does not see the committee's private channel.
    await expect.poll(() => page.locator('#channel-list a.chan').allTextContents()).toEqual(['# general', '# entraide', '# annonces']);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');

    // Enter sends.
    await page.locator('#composer-text').fill(PROMO);
    await page.locator('#composer-text').press('Enter');
    await page.locator('#messages .msg', { hasText: '490 €' }).waitFor();
    await expect.poll(() => page.locator('#composer-text').inputValue()).toBe('');

    // The bot's DM appears live (unread badge), without reloading.
    const dmLink = page.locator('#dm-list a.chan');
    await dmLink.locator('.unread').waitFor();
    await dmLink.click();
    const publish = page.getByRole('button', { name: 'Publier dans #annonces' });
    await publish.waitFor();
    await page.screenshot({ path: SCREENSHOT });

    await publish.click();
    await publish.waitFor({ state: 'detached' });

    await page.locator('#channel-list a.chan', { hasText: 'annonces' }).click();
    await page.locator('#messages .msg.from-bot', { hasText: '490 €' }).waitFor();

    // Sophie, on the committee, sees the committee channel and the line about Camille's post.
    await page.locator('#member').selectOption('sophie');
    const committee = page.locator('#channel-list a.chan', { hasText: 'comite-charte' });
    await committee.click();
    const line = page.locator('#messages .msg.from-bot').filter({ has: page.getByRole('button', { name: 'Bien vu' }) }).last();
    await line.waitFor();
    await expect.poll(() => line.textContent()).toMatch(/Camille|camille/);
    await line.getByRole('button', { name: 'Bien vu' }).click();
    await line.getByRole('button', { name: 'Bien vu' }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('renders member text as text, never as HTML', async () => {
    await page.locator('#member').selectOption('yanis');
    await page.locator('#channel-list a.chan', { hasText: 'entraide' }).click();
    await page.locator('#composer-text').fill('<img src=x onerror="window.__xss=1"> <b>gras</b> [clic](javascript:window.__xss=2)');
    await page.locator('#composer').getByRole('button').click();
    await page.locator('#messages .msg', { hasText: '<img src=x' }).waitFor();
    expect(await page.locator('#messages img, #messages b, #messages a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }, 60_000);

  it('replies in a thread with Enter, and labels every control', async () => {
    await page.locator('#channel-list a.chan', { hasText: 'general' }).click();
    await page.locator('#messages .thread-summary').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('thread-text');
    await page.keyboard.type('Je viendrai avec des croissants 🥐');
    await page.keyboard.press('Enter');
    await page.locator('#thread-messages .msg', { hasText: 'croissants' }).waitFor();
    await expect.poll(() => page.locator('#messages .thread-summary').first().textContent()).toContain('2 réponses');

    const unlabelled = await page.evaluate(() => [
      ...[...document.querySelectorAll('textarea, select, input')]
        .filter((c) => (c as HTMLInputElement).labels?.length === 0 && !c.getAttribute('aria-label'))
        .map((c) => c.id),
      ...[...document.querySelectorAll('button')].filter((b) => !b.textContent?.trim() && !b.getAttribute('aria-label')).map((b) => b.outerHTML),
    ]);
    expect(unlabelled).toEqual([]);
  }, 60_000);

  it('switches the interface to English and back', async () => {
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('#composer button[type=submit]').textContent()).toBe('Send');
    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('#composer button[type=submit]').textContent()).toBe('Envoyer');
  }, 60_000);
});
