import { expect, test, type Page } from '@playwright/test';
import type { CreateWorkshopResponse, WorkshopState } from '@gommette/shared';
import { VoteConsole } from './pages/VoteConsole';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { VoteBallot } from './pages/VoteBallot';
import { VoteScreen } from './pages/VoteScreen';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

/** A weak mobile connection through CDP (400 ms round trips, 400 kbit/s down, 200 up) that can drop. */
async function weakNetwork(page: Page): Promise<(offline: boolean) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const set = async (offline: boolean) => {
    // Chromium fires the page's online/offline events with it, as a phone losing its signal does.
    await cdp.send('Network.emulateNetworkConditions', { offline, latency: 400, downloadThroughput: 50_000, uploadThroughput: 25_000 });
  };
  await set(false);
  return set;
}

async function ideasStored(workshop: CreateWorkshopResponse): Promise<string[]> {
  const response = await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  return ((await response.json()) as WorkshopState).ideas.map((idea) => idea.text);
}

test('a phone on a weak network posts three ideas and two gommettes while offline: exactly those arrive, once', async ({ browser }) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social' }],
  });
  const joinUrl = workshop.sites[0]!.joinUrl;

  const other = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
  await other.join(joinUrl, 'sunny');
  for (const text of ['Une carte des douches', 'Un sac à dos pour la maraude']) {
    await other.post(text);
    await other.expectSent(text);
  }

  const weakContext = await devices.context(browser, 'phone');
  const phone = new PhonePage(await weakContext.newPage());
  const setOffline = await weakNetwork(phone.page);
  await phone.join(joinUrl, 'rainy');
  // The slow link brings the workshop's state a moment after the connection: wait for the box.
  await expect(phone.page.getByTestId('idea-input')).toBeVisible({ timeout: 20_000 });

  // Offline: three ideas wait on the phone, visibly.
  await setOffline(true);
  await phone.expectOnline(false);
  const offlineIdeas = ['Passer du temps à parler', 'Un livre d’or', 'Des repas chauds le soir'];
  for (const text of offlineIdeas) await phone.post(text);
  for (const text of offlineIdeas) await expect(phone.myIdea(text)).toHaveAttribute('data-state', 'pending');
  await setOffline(false);
  await phone.expectOnline(true);
  for (const text of offlineIdeas) await phone.expectSent(text);
  await expect
    .poll(async () => (await ideasStored(workshop)).sort(), { timeout: 15_000 })
    .toEqual(['Une carte des douches', 'Un sac à dos pour la maraude', ...offlineIdeas].sort());

  // A vote round; the phone sticks two gommettes while offline.
  const consolePage = await (await devices.context(browser, 'desktop')).newPage();
  const facilitator = new ConsolePage(consolePage);
  await facilitator.open(workshop.facilitatorUrl);
  // The vote panel sits under the side panel's "Vote" tab outside a vote step.
  const voteConsole = new VoteConsole(consolePage);
  await voteConsole.show();
  await consolePage.getByTestId('round-form').getByTestId('round-open').click();
  const ballot = new VoteBallot(phone.page);
  await expect(ballot.card('Une carte des douches')).toBeVisible();
  await setOffline(true);
  await phone.expectOnline(false);
  await ballot.stick('Une carte des douches');
  await ballot.stick('Un sac à dos pour la maraude');
  await setOffline(false);
  await phone.expectOnline(true);
  await ballot.expectLeft(1);

  // Closed: every gommette counts; the offline ones exactly once.
  const screenPage = await (await devices.context(browser, 'projector')).newPage();
  await screenPage.goto(workshop.screenUrl);
  await expect.poll(async () => (await fetch(`${server.url}/healthz`)).ok).toBe(true);
  await consolePage.getByTestId('round-close').click();
  await new VoteScreen(screenPage).expectTotals({
    'Une carte des douches': 1,
    'Un sac à dos pour la maraude': 1,
    'Passer du temps à parler': 0,
    'Un livre d’or': 0,
    'Des repas chauds le soir': 0,
  });
  expect((await ideasStored(workshop)).length).toBe(5);
});
