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

async function newPage(browser: Browser, viewport: { width: number; height: number }, locale = 'fr-FR') {
  const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
  contexts.push(context);
  return context.newPage();
}

test('the projector gives the stage to the ideas, then to the results, with no editing control; a site projector shows only its own QR code', async ({ browser }) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social des Tilleuls' }, { name: 'Maison du Chemin Rouge' }, { name: 'Médiathèque' }, { name: 'Café associatif' }],
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
    const newest = [...ideas].reverse().slice(0, 8).map((text) => screen.ideaCards().filter({ hasText: text }));
    await screen.expectInViewport(newest);
    await expect(screen.editingControls()).toHaveCount(0);
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
