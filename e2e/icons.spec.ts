import { expect, test, type Browser, type Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES } from '@gommette/shared';
import { PhonePage } from './pages/PhonePage';
import type { DeviceKind } from './support/devices';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

/**
 * Text people typed (ideas, notes, nicknames, the workshop's own question and names): it may hold
 * emoji, and it is not the interface's. Everything else is the interface's and must draw without
 * an emoji font (this machine has none): its symbols are SVG icons, not emoji.
 */
const USER_CONTENT = [
  '[data-user-content]',
  '[dir="auto"]',
  'input',
  'textarea',
  'script',
  'style',
  '.idea-row__text',
  '.idea-row__original',
  '.idea-card__text',
  '.my-idea__text',
  '.vote-card__text',
  '.phone__question',
  '.screen__question',
  '.purpose__text',
  '.console-intro__question',
  '.typed-text',
].join(', ');

/** Each text or label of the interface (outside user content) that holds an emoji or pictograph. */
async function pictographsIn(page: Page): Promise<string[]> {
  return await page.evaluate((userContent) => {
    const pictograph = /[\p{Extended_Pictographic}\u{FE0F}\u{2700}-\u{27BF}]/u;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const parent = node.parentElement;
      if (!parent || parent.closest(userContent)) continue;
      if (pictograph.test(node.textContent ?? '')) found.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${node.textContent}`);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (element.parentElement?.closest(userContent)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value && pictograph.test(value)) found.push(`${element.tagName.toLowerCase()}[${name}]: ${value}`);
      }
    }
    return found;
  }, USER_CONTENT);
}

/** The page draws lucide SVG icons, and they are laid out (not empty, not hidden). */
async function expectIcons(page: Page, atLeast: number): Promise<void> {
  const icons = page.locator('svg.lucide');
  expect(await icons.count()).toBeGreaterThanOrEqual(atLeast);
  const box = await icons.first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(8);
}

async function pageOn(browser: Browser, kind: DeviceKind, language: 'fr' | 'ar' = 'fr'): Promise<Page> {
  const context = await devices.context(browser, kind);
  await context.addInitScript((code) => window.localStorage.setItem('gommette:language', code), language);
  return context.newPage();
}

test('the phone, the console and the projector draw their symbols as SVG icons, never as emoji', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre Nord' }, { name: 'Maison Sud' }],
    phases: BUILT_IN_TEMPLATES[0]!.phases.map((phase) => ({ ...phase, silentSec: 0 })),
  });

  // The phone's first screen, in French and in Arabic: météo icons, each named in words.
  for (const language of ['fr', 'ar'] as const) {
    const join = await pageOn(browser, 'phone', language);
    await join.goto(workshop.sites[0]!.joinUrl);
    await expect(join.getByTestId('purpose')).toBeVisible();
    await expect(join.getByTestId('mood-sunny').locator('svg.lucide-sun')).toBeVisible();
    await expect(join.getByTestId('mood-stormy').locator('svg.lucide-cloud-lightning')).toBeVisible();
    await expect(join.getByTestId('mood-sunny')).toHaveAccessibleName(language === 'fr' ? /\p{L}{3,}/u : /\p{Script=Arabic}/u);
    expect(await pictographsIn(join), `join page (${language})`).toEqual([]);
    await expectIcons(join, 6);
    await join.screenshot({ path: testInfo.outputPath(`join-${language}-360.png`), fullPage: true });
  }

  // A resident joins; the phone waits for the start.
  const phonePage = await pageOn(browser, 'phone');
  await phonePage.goto(workshop.sites[0]!.joinUrl);
  await phonePage.getByTestId('mood-rainy').click();
  await phonePage.getByTestId('join-submit').click();
  await new PhonePage(phonePage).expectOnline(true);

  // The console on a 1366×768 laptop: run controls and headings carry icons, the météo counts too.
  const console = await pageOn(browser, 'desktop');
  await console.setViewportSize({ width: 1366, height: 768 });
  await console.goto(workshop.facilitatorUrl);
  await expect(console.getByTestId('run-panel')).toBeVisible();
  await expect(console.getByTestId('run-start').locator('svg.lucide-play')).toBeVisible();
  await expect(console.getByTestId('mood-count-rainy')).toContainText('1');
  expect(await pictographsIn(console), 'console').toEqual([]);
  await expectIcons(console, 10);
  await console.screenshot({ path: testInfo.outputPath('console-1366.png'), fullPage: true });

  // Started: the phone and the console show the running step, still without emoji.
  await console.getByTestId('run-start').click();
  await expect(console.getByTestId('run-pause').locator('svg.lucide-pause')).toBeVisible();
  await expect(console.getByTestId('phase-timer').locator('svg.lucide')).toBeVisible();
  expect(await pictographsIn(console), 'console, running').toEqual([]);
  expect(await pictographsIn(phonePage), 'phone, running').toEqual([]);
  await expectIcons(phonePage, 1);

  // The projector.
  const screen = await pageOn(browser, 'projector');
  await screen.goto(workshop.screenUrl);
  await expect(screen.getByTestId('screen-question')).toBeVisible();
  expect(await pictographsIn(screen), 'projector').toEqual([]);
  await expectIcons(screen, 1);
});
