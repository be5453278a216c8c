import { expect, test } from '@playwright/test';
import type { Brief } from '@gommette/shared';
import { PhonePage } from './pages/PhonePage';
import { RetourConsole } from './pages/RetourConsole';
import { VoteBallot } from './pages/VoteBallot';
import { createWorkshopByApi, specSetup } from './support/spec';

const ideas = ['Un sac à dos solide avec des poches', 'Des douches ouvertes le dimanche'];
const NEWS = 'Le sac à dos est en test à la maraude de mars';

const { server, devices } = specSetup();

test('the loop closes: ideas, vote, questionnaire, a brief in the making with news, then the same join link shows the follow-up with "ton idée"', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social' }, { name: 'Maraude' }],
    phases: [
      { id: 'idees', title: 'Idées', instruction: 'Toutes les idées sont bonnes.', activity: 'ideas', durationSec: 600, silentSec: 0 },
      { id: 'vote', title: 'Vote', instruction: 'Colle tes gommettes.', activity: 'vote', durationSec: 600, silentSec: 0 },
      { id: 'cloture', title: 'Clôture', instruction: 'Dis-nous comment c’était.', activity: 'questionnaire', durationSec: 300, silentSec: 0 },
    ],
  });
  const consolePage = await (await devices.context(browser, 'desktop')).newPage();
  await consolePage.goto(workshop.facilitatorUrl);
  await expect(consolePage.getByTestId('run-panel')).toBeVisible();

  // Two residents, one per site, each writes an idea.
  const phones: PhonePage[] = [];
  for (const site of workshop.sites) {
    const phone = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
    await phone.join(site.joinUrl, 'sunny');
    phones.push(phone);
  }
  await consolePage.getByTestId('run-start').click();
  for (const [index, phone] of phones.entries()) {
    await phone.expectActivity('ideas');
    await phone.post(ideas[index]!);
    await phone.expectSent(ideas[index]!);
  }

  // The vote: both put their gommettes on the backpack; the facilitator closes the round.
  await consolePage.getByTestId('goto-vote').click();
  await consolePage.getByTestId('run-start').click();
  const form = consolePage.getByTestId('round-form');
  await form.getByTestId('round-budget').fill('2');
  await form.getByTestId('round-open').click();
  for (const phone of phones) {
    const ballot = new VoteBallot(phone.page);
    await ballot.stick(ideas[0]!);
  }
  await new VoteBallot(phones[1]!.page).stick(ideas[1]!);
  await consolePage.getByTestId('round-close').click();
  await expect(consolePage.getByTestId('round-reveal')).toBeVisible();

  // The closing questionnaire.
  await consolePage.getByTestId('goto-cloture').click();
  await consolePage.getByTestId('run-start').click();
  for (const phone of phones) {
    await phone.page.getByTestId('face-avis-5').click();
    await phone.page.getByTestId('questionnaire-submit').click();
    await expect(phone.page.getByTestId('questionnaire-thanks')).toBeVisible();
  }

  // The brief, from the top of the vote: its sheet traces the idea, its site and its gommettes.
  const retour = new RetourConsole(consolePage);
  await retour.open();
  await retour.createBriefFromTopOfVote('Le sac à dos des jeunes');
  const sheet = consolePage.getByTestId('brief-editor').getByTestId('brief-sheet');
  await expect(sheet.getByTestId('brief-ideas')).toContainText(ideas[0]!);
  await expect(sheet.getByTestId('brief-ideas')).toContainText('idée écrite à Centre social');
  // One voter per site: the split by site would give each one's choice away, so only the total shows.
  await expect(sheet.getByTestId('brief-ideas')).toContainText('2 gommettes · détail par lieu caché');
  await expect(sheet.getByTestId('brief-purpose')).toContainText('choisir une invention');
  await retour.complete({ solution: 'Un sac à dos solide, fabriqué avec les jeunes du centre.', builders: 'Les jeunes et le fablab' });
  await retour.setStatus('En fabrication');
  await retour.addNews(NEWS);
  await retour.finish('Mardi 14 avril, 18 h, au centre social');
  await expect(consolePage.getByTestId('figures-panel')).toContainText('2 personnes');

  // The exports answer to the facilitator only (their content is checked in server/test/retour.test.ts).
  const briefs = (await (
    await fetch(`${server.url}/api/workshops/${workshop.id}/briefs`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } })
  ).json()) as { briefs: Brief[] };
  expect(briefs.briefs[0]?.status).toBe('building');
  const pdf = await consolePage.request.get(`${server.url}/api/workshops/${workshop.id}/briefs/${briefs.briefs[0]!.id}/export.pdf`, {
    headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
  });
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // The first resident opens the original join link again: the follow-up page, with their idea highlighted.
  const author = phones[0]!.page;
  await author.goto(workshop.sites[0]!.joinUrl);
  const followUp = author.getByTestId('follow-up');
  await expect(followUp).toBeVisible();
  await expect(author.getByTestId('follow-up-purpose')).toContainText('choisir une invention');
  await expect(author.getByTestId('follow-up-news')).toContainText(NEWS);
  await expect(author.getByTestId('timeline-building')).toHaveAttribute('aria-current', 'step');
  await expect(author.getByTestId('my-idea')).toContainText(ideas[0]!);
  await expect(author.getByTestId('my-idea')).toContainText('Ton idée !');
  await expect(author.getByTestId('follow-up-meeting')).toContainText('Mardi 14 avril');
  // Light: no canvas, no board code on this page.
  await expect(author.locator('canvas')).toHaveCount(0);

  // The other resident, whose idea was not chosen, and someone new at the other site: nobody's idea is singled out.
  await phones[1]!.page.goto(workshop.sites[1]!.joinUrl);
  await expect(phones[1]!.page.getByTestId('follow-up-news')).toContainText(NEWS);
  await expect(phones[1]!.page.getByTestId('my-idea')).toHaveCount(0);
  const stranger = await (await devices.context(browser, 'phone')).newPage();
  await stranger.goto(workshop.sites[0]!.joinUrl);
  await expect(stranger.getByTestId('follow-up-brief')).toContainText(ideas[0]!);
  await expect(stranger.getByTestId('my-idea')).toHaveCount(0);
});

test('a phone that joined an earlier workshop is counted as returning in the next one, and nobody else is', async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await createWorkshopByApi(server.url, { sites: [{ name: 'Centre social' }] });
  const regular = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
  await regular.join(first.sites[0]!.joinUrl, 'sunny');

  // A month later, the next workshop: the same phone (it kept its card) and someone new.
  const second = await createWorkshopByApi(server.url, { sites: [{ name: 'Centre social' }] });
  await regular.join(second.sites[0]!.joinUrl, 'partly');
  const newcomer = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
  await newcomer.join(second.sites[0]!.joinUrl, 'sunny');

  const consolePage = await (await devices.context(browser, 'desktop')).newPage();
  await consolePage.goto(second.facilitatorUrl);
  await new RetourConsole(consolePage).open();
  await expect(consolePage.getByTestId('figures-panel')).toContainText('2 personnes');
  await expect(consolePage.getByTestId('figures-returning')).toContainText(': 1');
});

test('ending the last step ends the workshop: the join link gives the follow-up; going back a step reopens it', async ({ browser }) => {
  test.setTimeout(90_000);
  const workshop = await createWorkshopByApi(server.url, {
    phases: [
      { id: 'idees', title: 'Idées', instruction: 'Toutes les idées sont bonnes.', activity: 'ideas', durationSec: 600, silentSec: 0 },
      { id: 'cloture', title: 'Clôture', instruction: 'Dis-nous comment c’était.', activity: 'questionnaire', durationSec: 300, silentSec: 0 },
    ],
  });
  const consolePage = await (await devices.context(browser, 'desktop')).newPage();
  await consolePage.goto(workshop.facilitatorUrl);
  await consolePage.getByTestId('goto-cloture').click();
  await consolePage.getByTestId('run-start').click();
  const retour = new RetourConsole(consolePage);
  await retour.open();
  await expect(consolePage.getByTestId('finish-workshop')).toBeVisible();

  // The facilitator ends the last step; nobody presses "Marquer l'atelier comme terminé".
  await consolePage.getByTestId('run-end').click();
  await expect(consolePage.getByTestId('workshop-finished')).toBeVisible();
  const resident = await (await devices.context(browser, 'phone')).newPage();
  await resident.goto(workshop.sites[0]!.joinUrl);
  await expect(resident.getByTestId('follow-up')).toBeVisible();

  // Ended too early: one step back, and the link leads to the workshop again.
  await consolePage.getByTestId('run-previous').click();
  // The follow-up goes back under its tab, the questionnaire in front.
  await retour.open();
  await expect(consolePage.getByTestId('finish-workshop')).toBeVisible();
  await resident.goto(workshop.sites[0]!.joinUrl);
  await expect(resident.getByTestId('purpose')).toBeVisible();
  await expect(resident.getByTestId('follow-up')).toHaveCount(0);
});
