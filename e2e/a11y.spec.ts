import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES, type CreateWorkshopResponse } from '@gommette/shared';
import { PhonePage } from './pages/PhonePage';
import type { DeviceKind } from './support/devices';
import { writeAuditSection } from './support/audit';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

const LANGUAGES = ['fr', 'ar'] as const;

/** A page in a language chosen on this device (as the language switcher remembers it). */
async function pageIn(browser: Browser, kind: DeviceKind, language: (typeof LANGUAGES)[number]): Promise<Page> {
  const context = await devices.context(browser, kind);
  await context.addInitScript((code) => {
    window.localStorage.setItem('gommette:language', code);
    // The console remembers its own language.
    window.localStorage.setItem('gommette:language:console', code);
  }, language);
  return context.newPage();
}

/** What axe found on each page, per language: the audit the statement page is built from. */
const audit: Record<string, Array<{ page: string; critical: number; serious: number; moderate: number; minor: number }>> = {};
let engine = '';
let browserName = '';
let currentLanguage = '';

/** No serious or critical WCAG 2.x A/AA violation on what the page shows now. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  engine = `axe-core ${results.testEngine.version}`;
  const language = currentLanguage;
  const count = (impact: string) => results.violations.filter((violation) => violation.impact === impact).length;
  (audit[language] ??= []).push({ page: what, critical: count('critical'), serious: count('serious'), moderate: count('moderate'), minor: count('minor') });
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    blocking.map(
      (violation) =>
        `${what}: ${violation.id} (${violation.impact}) ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

async function createWorkshop(): Promise<CreateWorkshopResponse> {
  return await createWorkshopByApi(server.url, {
    sites: [{ name: "Centre social de l'Arbrisseau" }, { name: 'Maison du Chemin Rouge' }],
    // The co-design method, without the silent time (it would hold the projector's wall back).
    phases: BUILT_IN_TEMPLATES[0]!.phases.map((phase) => ({ ...phase, silentSec: 0 })),
    tableCount: 3,
  });
}

for (const language of LANGUAGES) {
  test(`every resident page, the console and the projector pass axe in ${language}`, async ({ browser }, testInfo) => {
    // The console's views in both languages too: more axe runs than before.
    test.setTimeout(200_000);
    browserName = `Chromium ${browser.version()}`;
    currentLanguage = language;
    const workshop = await createWorkshop();
    const dir = language === 'ar' ? 'rtl' : 'ltr';

    const home = await pageIn(browser, 'desktop', language);
    await home.goto(`${server.url}/`);
    await expect(home.locator('html')).toHaveAttribute('dir', dir);
    await expectAccessible(home, 'home');

    const console = await pageIn(browser, 'desktop', language);
    await console.goto(workshop.facilitatorUrl);
    await expect(console.getByTestId('run-panel')).toBeVisible();
    await expect(console.locator('html')).toHaveAttribute('dir', dir);
    await expectAccessible(console, 'console');
    // The keyboard shortcuts' help (a modal dialog) and a side-panel tab.
    await console.keyboard.press('?');
    await expect(console.getByTestId('shortcut-help')).toBeVisible();
    await expectAccessible(console, 'console, shortcuts help');
    await console.keyboard.press('Escape');
    await expect(console.getByTestId('shortcut-help')).toBeHidden();
    await console.getByTestId('tool-tab-workshop').click();
    await expectAccessible(console, 'console, workshop tab');

    const screen = await pageIn(browser, 'projector', language);
    await screen.goto(workshop.screenUrl);
    await expect(screen.getByTestId('screen-question')).toBeVisible();
    await expectAccessible(screen, 'projector');

    const enterCode = await pageIn(browser, 'phone', language);
    await enterCode.goto(`${server.url}/j`);
    await expectAccessible(enterCode, 'enter the code');

    // The accessibility statement, reached from the phone's footer.
    await enterCode.getByTestId('accessibility-link').click();
    await expect(enterCode.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(enterCode).toHaveURL(/\/accessibilite$/);
    await expectAccessible(enterCode, 'accessibility statement');

    const phonePage = await pageIn(browser, 'phone', language);
    await phonePage.goto(workshop.sites[0]!.joinUrl);
    await expect(phonePage.getByTestId('purpose')).toBeVisible();
    await expect(phonePage.locator('html')).toHaveAttribute('dir', dir);
    await expectAccessible(phonePage, 'join');
    const phone = new PhonePage(phonePage);
    await phonePage.getByTestId('mood-sunny').click();
    await phonePage.getByTestId('join-submit').click();
    await phone.expectOnline(true);
    await expectAccessible(phonePage, 'phone before the start');

    // The journey step: the phone's map, step by step (the console sets the map up first).
    await console.getByTestId('goto-parcours').click();
    await console.getByTestId('run-start').click();
    await console.getByTestId('board-toggle').click();
    await console.getByTestId('board-setup').click();
    await expect(phonePage.getByTestId('phone-journey')).toBeVisible();
    await expectAccessible(phonePage, 'phone, journey map');
    await expectAccessible(console, 'console, board open');
    await console.getByTestId('board-toggle').click();

    // The ideas step, with a table to pick.
    await console.getByTestId('goto-ideation').click();
    await console.getByTestId('run-start').click();
    await expect(phonePage.getByTestId('idea-input')).toBeVisible();
    await expectAccessible(phonePage, 'phone, ideas step');
    await console.getByTestId('tool-tab-room').click();
    await expectAccessible(console, 'console, ideas step, room tab');
    await phonePage.getByTestId('pick-table-2').click();
    await phone.post(language === 'ar' ? 'حقيبة ظهر يصنعها الشباب' : 'Un sac à dos créé par les jeunes');
    await expectAccessible(phonePage, 'phone with an idea');
    await expectAccessible(console, 'console with an idea');

    // The vote step: the ballot on the phone, the results on the projector.
    await console.getByTestId('goto-vote').click();
    await console.getByTestId('run-start').click();
    await console.getByTestId('round-form').getByTestId('round-open').click();
    await expect(phonePage.getByTestId('vote-card').first()).toBeVisible();
    await expectAccessible(phonePage, 'phone, ballot');
    // A gommette, stuck with the card's "+" (in Arabic too), and the layout kept for a look.
    const card = phonePage.getByTestId('vote-card').first();
    await card.locator('.vote-card__button:not(.vote-card__button--back)').click();
    await expect(card).toHaveAttribute('data-count', '1');
    await testInfo.attach(`phone-ballot-${language}.png`, { body: await phonePage.screenshot({ fullPage: true }), contentType: 'image/png' });
    await expectAccessible(screen, 'projector, vote');
    // A site's kiosk (a shared tablet), as the next voter finds it.
    await console.getByTestId('kiosk-links-show').click();
    const kioskHref = await console.getByTestId('kiosk-link').first().getAttribute('href');
    const kiosk = await pageIn(browser, 'desktop', language);
    await kiosk.goto(kioskHref!);
    await expect(kiosk.getByTestId('kiosk-start')).toBeVisible();
    await expectAccessible(kiosk, 'kiosk');

    // The closing questionnaire.
    await console.getByTestId('goto-cloture').click();
    await console.getByTestId('run-start').click();
    await expect(phonePage.getByTestId('questionnaire')).toBeVisible();
    await expectAccessible(phonePage, 'phone, questionnaire');
    await expect(console.getByTestId('questionnaire-panel')).toBeVisible();
    await expectAccessible(console, 'console, questionnaire step');
    await testInfo.attach(`phone-questionnaire-${language}.png`, { body: await phonePage.screenshot({ fullPage: true }), contentType: 'image/png' });

    const helper = await pageIn(browser, 'phone', language);
    await helper.goto(workshop.helperUrl);
    await expect(helper.getByTestId('helper-table')).toBeVisible();
    await expectAccessible(helper, 'helper');

    // After the workshop: a brief with its status, and the follow-up page from the same join link.
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${workshop.facilitatorToken}` };
    const state = (await (await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: auth })).json()) as { ideas: Array<{ id: string }> };
    const brief = await fetch(`${server.url}/api/workshops/${workshop.id}/briefs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Le sac à dos', ideaIds: [state.ideas[0]!.id] }),
    });
    expect(brief.status).toBe(201);
    const finished = await fetch(`${server.url}/api/workshops/${workshop.id}/follow-up`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ finished: true, nextMeeting: 'Jeudi 12 mars à 18 h' }),
    });
    expect(finished.status).toBe(200);
    const followUp = await pageIn(browser, 'phone', language);
    await followUp.goto(workshop.sites[0]!.joinUrl);
    await expect(followUp.getByTestId('follow-up')).toBeVisible();
    await expect(followUp.locator('html')).toHaveAttribute('dir', dir);
    await expectAccessible(followUp, 'follow-up page');
    await testInfo.attach(`follow-up-${language}.png`, { body: await followUp.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

test.afterAll(() => {
  if (Object.keys(audit).length === LANGUAGES.length) writeAuditSection('axe', { browser: browserName, engine }, audit);
});
