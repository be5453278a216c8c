import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { PhonePage } from './pages/PhonePage';
import { ScreenPage } from './pages/ScreenPage';
import { VoteBallot } from './pages/VoteBallot';
import { VoteConsole } from './pages/VoteConsole';
import { VoteScreen } from './pages/VoteScreen';
import { ServerProcess } from './support/serverProcess';
import { createWorkshopByApi } from './support/spec';

let server: ServerProcess;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.stop();
});

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** Long enough to be cut on one line at 1280×720; it must wrap (two lines) or shrink, never be cut. */
const PURPOSE_END =
  'choisir, avec les habitants des quatre lieux, une invention que les jeunes fabriqueront avec le centre social d’ici l’été, présentée à la fête de quartier.';

/** The purpose line: whole on the screen, all its words, on at most two lines, not cut by an ellipsis. */
async function expectPurposeWhole(screen: ScreenPage): Promise<void> {
  const purpose = screen.page.getByTestId('screen-purpose');
  await expect(purpose).toHaveText(PURPOSE_END);
  await screen.expectInViewport([purpose]);
  const shape = await purpose.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      whiteSpace: style.whiteSpace,
      textOverflow: style.textOverflow,
      // Only a box that hides its overflow can cut text (a visible overflow is glyphs' ink, not a cut).
      cutX: style.overflowX === 'visible' ? 0 : element.scrollWidth - element.clientWidth,
      cutY: style.overflowY === 'visible' ? 0 : element.scrollHeight - element.clientHeight,
      lines: Math.round(element.getBoundingClientRect().height / parseFloat(style.lineHeight)),
    };
  });
  expect(shape.whiteSpace).not.toBe('nowrap');
  expect(shape.textOverflow).not.toBe('ellipsis');
  expect(shape.cutX).toBeLessThanOrEqual(1);
  expect(shape.cutY).toBeLessThanOrEqual(1);
  expect(shape.lines).toBeLessThanOrEqual(2);
}

async function newPage(browser: Browser, viewport: { width: number; height: number }, locale = 'fr-FR') {
  const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
  contexts.push(context);
  return context.newPage();
}

test('the projector gives the stage to the ideas, then to the results, with no editing control; a site projector shows only its own QR code', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social des Tilleuls' }, { name: 'Maison du Chemin Rouge' }, { name: 'Médiathèque' }, { name: 'Café associatif' }],
    purpose: `Votre participation servira à ${PURPOSE_END}`,
  });
  const phone = new PhonePage(await newPage(browser, { width: 360, height: 740 }));
  await phone.join(workshop.sites[0]!.joinUrl, 'sunny');
  const ideas = Array.from({ length: 10 }, (_, index) => `Idée numéro ${index + 1} pour un quartier plus accueillant le soir`);
  for (const idea of ideas) await phone.post(idea);
  for (const idea of ideas) await phone.expectSent(idea);

  const screens: ScreenPage[] = [];
  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    await expect(screen.ideaCards()).toHaveCount(10);
    screens.push(screen);
  }
  // The ideas step: the newest eight ideas are whole on the screen.
  for (const screen of screens) {
    const newest = [...ideas]
      .reverse()
      .slice(0, 8)
      .map((text) => screen.ideaCards().filter({ hasText: text }));
    await screen.expectInViewport(newest);
    await expect(screen.editingControls()).toHaveCount(0);
    await expectPurposeWhole(screen);
  }

  // A vote: the top five results are whole on the screen.
  const consolePage = await newPage(browser, { width: 1280, height: 900 });
  await consolePage.goto(workshop.facilitatorUrl);
  await new VoteConsole(consolePage).openRound({ budget: 3, closesAt: Date.now() + 120_000 });
  const ballot = new VoteBallot(phone.page);
  for (const idea of ideas.slice(0, 3)) await ballot.stick(idea);
  for (const screen of screens) {
    const vote = new VoteScreen(screen.page);
    await expect(screen.page.getByTestId('vote-row')).toHaveCount(10);
    await screen.expectInViewport(vote.topRows(5));
    await expect(screen.editingControls()).toHaveCount(0);
    await expectPurposeWhole(screen);
    // The per-site line of each of the top five is whole and readable from the back: 20 px or more.
    for (const row of vote.topRows(5)) {
      const sitesLine = row.locator('.vote-row__sites');
      await screen.expectInViewport([sitesLine]);
      expect(await sitesLine.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(20);
    }
    // In Arabic (right to left, longer rank labels) too.
    await screen.page.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect(screen.page.locator('html')).toHaveAttribute('dir', 'rtl');
    await screen.expectInViewport(vote.topRows(5));
  }

  // A site's projector: only its own QR code, remembered when the page opens again.
  const siteScreen = new ScreenPage(await newPage(browser, sizes[1]!));
  const own = workshop.sites[2]!;
  await siteScreen.open(workshop.screenUrl.replace('#', `?site=${own.id}#`));
  await expect(siteScreen.qrCodes()).toHaveCount(1);
  expect(await siteScreen.joinUrls()).toEqual([own.joinUrl]);
  await siteScreen.open(workshop.screenUrl);
  await expect(siteScreen.qrCodes()).toHaveCount(1);
  await expect(screens[0]!.qrCodes()).toHaveCount(4);
});
