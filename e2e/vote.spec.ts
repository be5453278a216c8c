import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { KioskTablet } from './pages/KioskTablet';
import { PhonePage } from './pages/PhonePage';
import { VoteBallot } from './pages/VoteBallot';
import { VoteConsole } from './pages/VoteConsole';
import { VoteScreen } from './pages/VoteScreen';
import { ServerProcess } from './support/serverProcess';
import { createWorkshopByApi } from './support/spec';

const sites = ["Centre social de l'Arbrisseau", 'Maison du Chemin Rouge', 'Médiathèque des Tilleuls'];
const ideas = ['Une bagagerie solidaire', 'Des douches ouvertes le matin', 'Une carte des lieux utiles'];
/** The round closes by itself this long after it opens: long enough for everyone to vote. */
const ROUND_MS = 45_000;

let server: ServerProcess;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.stop();
});

async function newPage(browser: Browser, kind: 'desktop' | 'projector' | 'phone' | 'tablet') {
  const viewport = {
    desktop: { width: 1280, height: 900 },
    projector: { width: 1920, height: 1080 },
    phone: { width: 360, height: 740 },
    tablet: { width: 800, height: 1280 },
  }[kind];
  const context = await browser.newContext({
    viewport,
    locale: 'fr-FR',
    isMobile: kind === 'phone',
    hasTouch: kind !== 'desktop' && kind !== 'projector',
    reducedMotion: kind === 'projector' ? 'reduce' : 'no-preference',
  });
  contexts.push(context);
  return context.newPage();
}

test('three sites vote with phones, a kiosk used by two people and a paper count; every projector shows the same totals; the round closes at its time', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: sites.map((name) => ({ name })),
  });

  // One phone per site; each writes an idea.
  const phones: PhonePage[] = [];
  for (const [index, site] of workshop.sites.entries()) {
    const phone = new PhonePage(await newPage(browser, 'phone'));
    await phone.join(site.joinUrl, 'sunny');
    await phone.post(ideas[index]!);
    await phone.expectSent(ideas[index]!);
    phones.push(phone);
  }

  // One projector per site, and the console.
  const screens: VoteScreen[] = [];
  for (let index = 0; index < 3; index++) {
    const page = await newPage(browser, 'projector');
    await page.goto(workshop.screenUrl);
    await expect(page.getByTestId('idea-card')).toHaveCount(3);
    screens.push(new VoteScreen(page));
  }
  const consolePage = await newPage(browser, 'desktop');
  await consolePage.goto(workshop.facilitatorUrl);
  const facilitator = new VoteConsole(consolePage);
  const closesAt = Date.now() + ROUND_MS;
  await facilitator.openRound({ budget: 2, closesAt });

  // Phones get the ballot with everyone's ideas, and stick their gommettes.
  const ballots = phones.map((phone) => new VoteBallot(phone.page));
  for (const ballot of ballots) {
    for (const idea of ideas) await expect(ballot.card(idea)).toBeVisible();
    await ballot.expectLeft(2);
  }
  await ballots[0]!.stick(ideas[1]!);
  await ballots[0]!.stick(ideas[2]!);
  await ballots[0]!.expectLeft(0);
  await ballots[1]!.stick(ideas[0]!);
  await ballots[1]!.stick(ideas[1]!);
  // A take-back gives the gommette back, and it can go elsewhere.
  await ballots[1]!.takeBack(ideas[0]!);
  await ballots[1]!.expectLeft(1);
  await ballots[1]!.stick(ideas[2]!);
  await ballots[2]!.stick(ideas[1]!);

  // The kiosk at the second site: two people in turn, each with a fresh budget.
  const kiosk = new KioskTablet(await newPage(browser, 'tablet'));
  await kiosk.open(await facilitator.kioskUrl(sites[1]!));
  await kiosk.start();
  await kiosk.ballot.stick(ideas[0]!);
  await kiosk.ballot.stick(ideas[1]!);
  await kiosk.ballot.expectLeft(0);
  await kiosk.finish();
  await kiosk.next();
  await kiosk.ballot.expectLeft(2);
  await expect(kiosk.ballot.card(ideas[0]!)).toHaveAttribute('data-count', '0');
  await kiosk.ballot.stick(ideas[0]!);
  await kiosk.finish();

  // The third site also voted on a paper panel.
  await facilitator.paper(sites[2]!, { [ideas[0]!]: 4 });

  // Live: every gommette is in the totals at once, the lone voters' of the first and third sites
  // too (no hold-back, issue 19): the totals of the open round are those of the closed one, so no
  // difference between them gives a lone voter away. Their sites are never shown apart.
  const expected = {
    [ideas[0]!]: 2 + 4,
    [ideas[1]!]: 4,
    [ideas[2]!]: 2,
  };
  for (const screen of screens) await screen.expectTotals(expected);
  for (const screen of screens) {
    await screen.expectSiteVoters(sites[1]!, 3, 2);
    await expect(screen.page.getByTestId('vote-row').filter({ hasText: ideas[0]! })).toHaveAttribute('data-paper', '4');
  }

  // The round closes by itself at its time, on every screen and phone; a late tap is not possible.
  expect(Date.now()).toBeLessThan(closesAt);
  for (const screen of screens) await screen.expectClosed();
  for (const ballot of ballots) await ballot.expectClosed();
  expect(Date.now()).toBeGreaterThanOrEqual(closesAt - 1_000);
  await expect(kiosk.page.getByTestId('kiosk-waiting')).toBeVisible();
  for (const screen of screens) await screen.expectTotals(expected);

  // The reveal on the projectors (reduced motion: no animation, same figures).
  await facilitator.reveal();
  for (const screen of screens) {
    await expect(screen.page.locator('.vote-results--reveal')).toBeVisible();
    await screen.expectTotals(expected);
  }
});
