import { expect, test, type Page } from '@playwright/test';
import type { CreateWorkshopResponse, WorkshopState } from '@gommette/shared';
import { ConsolePage } from './pages/ConsolePage';
import { VoteConsole } from './pages/VoteConsole';
import { PhonePage } from './pages/PhonePage';
import { VoteBallot } from './pages/VoteBallot';
import { VoteScreen } from './pages/VoteScreen';
import { createWorkshopByApi, specSetup } from './support/spec';

// Issue 16: over HTTPS or on localhost, the phone page's service worker keeps the page and its
// scripts, and the phone keeps the workshop's last snapshot: a phone that reloads with no network
// still shows its workshop, its ideas and its outbox, takes more, and sends everything once.
const { server, devices } = specSetup();

async function ideasStored(workshop: CreateWorkshopResponse): Promise<string[]> {
  const response = await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  return ((await response.json()) as WorkshopState).ideas.map((idea) => idea.text);
}

/** The service worker controls the page and has kept the phone's files (installed, activated). */
async function expectServiceWorker(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 30_000 }).toBe('activated');
}

test('a phone reloads its join link with no network: it sees its workshop and ideas, posts two ideas and a gommette, each arrives once', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const workshop = await createWorkshopByApi(server.url, { sites: [{ name: 'Centre social' }] });
  const joinUrl = workshop.sites[0]!.joinUrl;
  expect(new URL(joinUrl).hostname).toBe('127.0.0.1');

  const other = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
  await other.join(joinUrl, 'sunny');
  await other.post('Une carte des douches');
  await other.expectSent('Une carte des douches');

  const context = await devices.context(browser, 'phone');
  const phone = new PhonePage(await context.newPage());
  await phone.join(joinUrl, 'rainy');
  await phone.post('Un livre d’or');
  await phone.expectSent('Un livre d’or');
  await expectServiceWorker(phone.page);
  // The phone keeps the snapshot a moment after the last change.
  await phone.page.waitForTimeout(1_000);

  // No network at all, and the page reloaded: the workshop, the phone's idea, and the idea box.
  await context.setOffline(true);
  await phone.page.reload();
  await expect(phone.page.getByRole('heading', { name: 'Comment aider les personnes sans abri dans leur quotidien ?' })).toBeVisible();
  await phone.expectOnline(false);
  await phone.expectSent('Un livre d’or');
  const offlineIdeas = ['Des repas chauds le soir', 'Passer du temps à parler'];
  for (const text of offlineIdeas) await phone.post(text);
  for (const text of offlineIdeas) await expect(phone.myIdea(text)).toHaveAttribute('data-state', 'pending');
  // Reloaded again, still offline: the outbox is still there.
  await phone.page.reload();
  for (const text of offlineIdeas) await expect(phone.myIdea(text)).toHaveAttribute('data-state', 'pending');

  await context.setOffline(false);
  await phone.expectOnline(true);
  for (const text of offlineIdeas) await phone.expectSent(text);
  await expect
    .poll(async () => (await ideasStored(workshop)).sort(), { timeout: 15_000 })
    .toEqual(['Une carte des douches', 'Un livre d’or', ...offlineIdeas].sort());

  // A vote round opens; the phone sees its ballot, then loses the network and reloads.
  const consolePage = await (await devices.context(browser, 'desktop')).newPage();
  await new ConsolePage(consolePage).open(workshop.facilitatorUrl);
  // A free idea wall: the vote is under the console's "Vote" tab.
  await new VoteConsole(consolePage).show();
  await consolePage.getByTestId('round-form').getByTestId('round-open').click();
  const ballot = new VoteBallot(phone.page);
  await expect(ballot.card('Une carte des douches')).toBeVisible();
  const left = Number(await phone.page.getByTestId('vote-left').getAttribute('data-left'));
  await phone.page.waitForTimeout(1_000);
  await context.setOffline(true);
  await phone.page.reload();
  await phone.expectOnline(false);
  await ballot.stick('Une carte des douches');
  await ballot.expectLeft(left - 1);
  await context.setOffline(false);
  await phone.expectOnline(true);
  await ballot.expectLeft(left - 1);

  // Closed: the gommette stuck offline counts once; every idea is there once.
  const screenPage = await (await devices.context(browser, 'projector')).newPage();
  await screenPage.goto(workshop.screenUrl);
  await consolePage.getByTestId('round-close').click();
  await new VoteScreen(screenPage).expectTotals({
    'Une carte des douches': 1,
    'Un livre d’or': 0,
    'Des repas chauds le soir': 0,
    'Passer du temps à parler': 0,
  });
  expect((await ideasStored(workshop)).length).toBe(4);

  // The worker's scope is the phone page only: the staff's pages on the same device are never its.
  const staffPage = await context.newPage();
  await staffPage.goto(`${server.url}/`);
  await expect(staffPage.locator('#root > *').first()).toBeVisible();
  expect(await staffPage.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
});
