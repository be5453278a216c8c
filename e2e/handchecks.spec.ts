import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES, type CreateWorkshopResponse } from '@gommette/shared';
import { PhonePage } from './pages/PhonePage';
import { writeAuditSection } from './support/audit';
import type { DeviceKind } from './support/devices';
import { HandChecks, PHONE_VIEWPORT, type HandCheckResult } from './support/handChecks';
import { createWorkshopByApi, specSetup } from './support/spec';

// What axe cannot see, measured as a resident's phone shows it (docs/accessibility.md): each
// screen's main action within the first screen at 360×740, 200 % page zoom (a 180 px wide
// viewport), the text alone doubled, focus after an action, the timer's spoken name, the Arabic
// journey map's direction, and what "Lire à voix haute" reads.

const { server, devices } = specSetup();

const LANGUAGES = ['fr', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];
const SHOTS = process.env.GOMMETTE_HANDCHECK_SHOTS ? path.resolve(process.env.GOMMETTE_HANDCHECK_SHOTS) : null;

/** The phone's words this spec reads, in each language. */
const WORDS = {
  fr: { timer: /^Il reste \d+ minutes?$/, next: 'Étape d’après', previous: 'Étape d’avant' },
  ar: { timer: /^(تبقى|يتبقى|بقي|بقيت)/, next: 'الخطوة التالية', previous: 'الخطوة السابقة' },
} as const;

async function pageIn(browser: Browser, kind: DeviceKind, language: Language, speech?: unknown[]): Promise<Page> {
  const context = await devices.context(browser, kind);
  await context.addInitScript((code) => window.localStorage.setItem('gommette:language', code), language);
  if (speech) {
    // What the phone's speech synthesis is asked to say: each utterance's text and voice language.
    await context.exposeFunction('__recordSpeech', (said: unknown) => void speech.push(said));
    await context.addInitScript(() => {
      const synthesis = window.speechSynthesis;
      synthesis.speak = (utterance: SpeechSynthesisUtterance) =>
        void (window as unknown as { __recordSpeech: (said: unknown) => void }).__recordSpeech({ text: utterance.text, lang: utterance.lang });
      synthesis.cancel = () => undefined;
    });
  }
  const page = await context.newPage();
  await page.setViewportSize(PHONE_VIEWPORT);
  return page;
}

async function createWorkshop(): Promise<CreateWorkshopResponse> {
  return await createWorkshopByApi(server.url, {
    sites: [{ name: "Centre social de l'Arbrisseau" }],
    phases: BUILT_IN_TEMPLATES[0]!.phases.map((phase) => ({ ...phase, silentSec: 0 })),
    tableCount: 3,
  });
}

const allResults: Record<string, HandCheckResult[]> = {};
let browserName = '';

for (const language of LANGUAGES) {
  test(`every resident screen passes the hand checks at 360×740 in ${language}`, async ({ browser }) => {
    test.setTimeout(240_000);
    browserName = `Chromium ${browser.version()}`;
    const checks = new HandChecks(language, SHOTS);
    const words = WORDS[language];
    const workshop = await createWorkshop();

    const consolePage = await pageIn(browser, 'desktop', 'fr');
    await consolePage.setViewportSize({ width: 1280, height: 900 });
    await consolePage.goto(workshop.facilitatorUrl);
    await expect(consolePage.getByTestId('run-panel')).toBeVisible();

    // /j: the code typed by hand.
    const enterCode = await pageIn(browser, 'phone', language);
    await enterCode.goto(`${server.url}/j`);
    await checks.layout(enterCode, 'enter-code', enterCode.getByRole('button', { name: /./ }).last(), [enterCode.locator('.language-switcher')]);

    // The join page: the question, the purpose, the météo, "C'est parti".
    const page = await pageIn(browser, 'phone', language);
    const phone = new PhonePage(page);
    await page.goto(workshop.sites[0]!.joinUrl);
    await expect(page.getByTestId('purpose')).toBeAttached();
    await checks.layout(page, 'join', page.getByTestId('join-submit'), [page.getByTestId('mood-stormy'), page.locator('.language-switcher')]);
    await page.getByTestId('mood-sunny').click();
    await page.getByTestId('join-submit').click();
    await phone.expectOnline(true);
    await checks.focusOnHeading(page, 'join → first screen', page.getByRole('heading', { level: 1 }));

    // The welcome step (météo done): the step's name and instruction.
    await consolePage.getByTestId('run-start').click();
    await expect(page.getByTestId('phase-banner')).toHaveAttribute('data-status', 'running');
    await checks.layout(page, 'welcome', page.getByTestId('phase-instruction'), [page.locator('.language-switcher')]);
    const timer = page.getByRole('timer');
    const timerName = (await timer.getAttribute('aria-label')) ?? '';
    checks.record({ screen: 'welcome', check: 'timer-name', passed: words.timer.test(timerName), measured: `timer named “${timerName}”` });
    await expect(timer).toHaveAttribute('aria-live', 'polite');

    // The journey map, step by step.
    await consolePage.getByTestId('goto-parcours').click();
    await consolePage.getByTestId('run-start').click();
    await consolePage.getByTestId('board-toggle').click();
    await consolePage.getByTestId('board-setup').click();
    await expect(page.getByTestId('phone-journey-step')).toBeVisible();
    await checks.layout(page, 'journey', page.getByTestId('phone-journey-row').first().getByRole('button').first(), [
      page.getByRole('button', { name: words.next }),
    ]);
    const next = await page.getByRole('button', { name: words.next }).boundingBox();
    const previous = await page.getByRole('button', { name: words.previous }).boundingBox();
    // The arrow of "next" points towards the reading's end: right in French, left in Arabic (the icon flipped).
    const nextArrow = await page
      .getByRole('button', { name: words.next })
      .locator('svg')
      .evaluate((svg) => {
        const flipped = new DOMMatrix(getComputedStyle(svg).transform === 'none' ? undefined : getComputedStyle(svg).transform).a < 0;
        const right = svg.getAttribute('class')?.includes('chevron-right') ?? false;
        return right !== flipped ? 'right' : 'left';
      });
    const first = await page.getByTestId('phone-journey-step').textContent();
    // A swipe towards the reading's end: right to left in French, left to right in Arabic.
    await page.getByTestId('phone-journey-step').scrollIntoViewIfNeeded();
    const stepBox = (await page.getByTestId('phone-journey-step').boundingBox())!;
    const [from, to] = language === 'ar' ? [stepBox.x + 10, stepBox.x + stepBox.width + 60] : [stepBox.x + stepBox.width - 10, stepBox.x - 60];
    await page.mouse.move(Math.max(5, Math.min(355, from)), stepBox.y + 40);
    await page.mouse.down();
    await page.mouse.move(Math.max(5, Math.min(355, to)), stepBox.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('phone-journey-step')).not.toHaveText(first ?? '');
    const forwardSide = language === 'ar' ? next!.x < previous!.x : next!.x > previous!.x;
    const forwardGlyph = language === 'ar' ? nextArrow === 'left' : nextArrow === 'right';
    checks.record({
      screen: 'journey',
      check: 'journey-mirrors',
      passed: forwardSide && forwardGlyph,
      measured: `“next” at x=${Math.round(next!.x)}, “previous” at x=${Math.round(previous!.x)}, its arrow points ${nextArrow}; a swipe towards the reading's end went forward`,
    });
    await consolePage.getByTestId('board-toggle').click();

    // The ideas step: the box to write in (a table picked, as the facilitator asks first).
    await consolePage.getByTestId('goto-ideation').click();
    await consolePage.getByTestId('run-start').click();
    await expect(page.getByTestId('idea-input')).toBeVisible();
    await page.getByTestId('pick-table-2').click();
    await expect(page.getByTestId('change-table')).toBeVisible();
    await checks.layout(page, 'ideas', page.getByTestId('idea-input'), [page.locator('.language-switcher')]);
    await phone.post(language === 'ar' ? 'حقيبة ظهر يصنعها الشباب' : 'Un sac à dos créé par les jeunes');
    await checks.focusOnHeading(page, 'ideas → sent', page.locator('#my-ideas-heading'));

    // Sélection: the table's ideas on the two axes.
    await consolePage.getByTestId('goto-selection').click();
    await consolePage.getByTestId('run-start').click();
    await expect(page.getByTestId('matrix-card').first()).toBeVisible();
    await checks.layout(page, 'matrix', page.getByTestId('matrix-card').first().getByRole('radio').first());

    // The vote: the first card's "+".
    await consolePage.getByTestId('goto-vote').click();
    await consolePage.getByTestId('run-start').click();
    await consolePage.getByTestId('round-form').getByTestId('round-open').click();
    await expect(page.getByTestId('vote-card').first()).toBeVisible();
    await checks.layout(page, 'vote', page.getByTestId('vote-card').first().locator('.vote-card__button:not(.vote-card__button--back)'));

    // The kiosk, as the next voter finds it on a small tablet or a phone.
    await consolePage.getByTestId('kiosk-links-show').click();
    const kioskHref = await consolePage.getByTestId('kiosk-link').first().getAttribute('href');
    const kiosk = await pageIn(browser, 'phone', language);
    await kiosk.goto(kioskHref!);
    await expect(kiosk.getByTestId('kiosk-start')).toBeVisible();
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveCount(1);
    await checks.layout(kiosk, 'kiosk', kiosk.getByTestId('kiosk-start'), [kiosk.locator('.language-switcher')]);

    // The closing questionnaire: the first face, and the fifth reachable at 200 %.
    await consolePage.getByTestId('goto-cloture').click();
    await consolePage.getByTestId('run-start').click();
    await expect(page.getByTestId('questionnaire')).toBeVisible();
    const faces = page.locator('.questionnaire__faces').first().getByRole('button');
    await checks.layout(page, 'questionnaire', faces.first(), [faces.nth(4)]);

    // After the workshop: the follow-up page from the same link.
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${workshop.facilitatorToken}` };
    const state = (await (await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: auth })).json()) as { ideas: Array<{ id: string }> };
    await fetch(`${server.url}/api/workshops/${workshop.id}/briefs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Le sac à dos', ideaIds: [state.ideas[0]!.id] }),
    });
    await fetch(`${server.url}/api/workshops/${workshop.id}/follow-up`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ finished: true, nextMeeting: 'Jeudi 12 mars à 18 h' }),
    });
    const followUp = await pageIn(browser, 'phone', language);
    await followUp.goto(workshop.sites[0]!.joinUrl);
    await expect(followUp.getByTestId('follow-up')).toBeVisible();
    await checks.layout(followUp, 'follow-up', followUp.getByTestId('follow-up-brief').first().getByRole('heading').first(), [
      followUp.locator('.language-switcher'),
    ]);

    allResults[language] = checks.results;
  });
}

interface Said {
  text: string;
  lang: string;
}

for (const language of LANGUAGES) {
  test(`"Lire à voix haute" reads the join page and the step, each text in its language, in ${language}`, async ({ browser }) => {
    const workshop = await createWorkshop();
    const consolePage = await pageIn(browser, 'desktop', 'fr');
    await consolePage.goto(workshop.facilitatorUrl);
    await expect(consolePage.getByTestId('run-panel')).toBeVisible();

    const said: Said[] = [];
    const page = await pageIn(browser, 'phone', language, said);
    await page.goto(workshop.sites[0]!.joinUrl);
    await expect(page.getByTestId('purpose')).toBeAttached();
    const welcome = (await page.locator('.join-form__welcome').textContent())!.trim();
    await page.getByTestId('read-aloud').click();
    // The page's words in its language; the question and the purpose, typed in French, in French.
    await expect.poll(() => said.length).toBeGreaterThanOrEqual(4);
    expect(said[0]).toEqual({ text: welcome.replace(/^[^\p{L}]+/u, ''), lang: language });
    expect(said).toContainEqual({ text: 'Comment aider les personnes sans abri dans leur quotidien ?', lang: 'fr' });
    expect(said).toContainEqual({ text: 'choisir une invention que les jeunes fabriqueront avec le centre social.', lang: 'fr' });
    const joinSaid = said.splice(0);

    await page.getByTestId('mood-sunny').click();
    await page.getByTestId('join-submit').click();
    await new PhonePage(page).expectOnline(true);
    await consolePage.getByTestId('run-start').click();
    await expect(page.getByTestId('phase-instruction')).toBeVisible();
    const title = (await page.getByTestId('phase-title').textContent())!.trim();
    const instruction = (await page.getByTestId('phase-instruction').textContent())!.trim();
    await page.getByTestId('phase-banner').getByTestId('read-aloud').click();
    await expect.poll(() => said.length).toBeGreaterThanOrEqual(1);
    // The step's title and instruction as the phone shows them, in the language they are written in.
    const stepText = said.map((segment) => segment.text).join(' ');
    expect(stepText).toContain(title);
    expect(stepText).toContain(instruction);
    for (const segment of said) expect(['fr', 'en', 'ar']).toContain(segment.lang);

    readAloudResults[language] = [
      { screen: 'join', check: 'read-aloud', passed: true, measured: joinSaid.map((segment) => `[${segment.lang}] ${segment.text}`).join(' | ') },
      { screen: 'welcome', check: 'read-aloud', passed: true, measured: said.map((segment) => `[${segment.lang}] ${segment.text}`).join(' | ') },
    ];
  });
}

const readAloudResults: Record<string, HandCheckResult[]> = {};

test.afterAll(() => {
  for (const language of LANGUAGES) if (allResults[language] && readAloudResults[language]) allResults[language].push(...readAloudResults[language]);
  if (Object.keys(allResults).length === LANGUAGES.length) writeAuditSection('handChecks', { browser: browserName }, allResults);
});
