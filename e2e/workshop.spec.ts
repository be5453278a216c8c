import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { ConsolePage } from './pages/ConsolePage';
import { HomePage } from './pages/HomePage';
import { PhonePage } from './pages/PhonePage';
import { ScreenPage } from './pages/ScreenPage';
import type { DeviceKind } from './support/devices';
import { specSetup } from './support/spec';

const scenario = {
  title: 'Être acteur de son quartier',
  question: 'Comment aider les personnes sans abri dans leur quotidien ?',
  purpose: "Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social d'ici l'été.",
  sites: ["Centre social de l'Arbrisseau", 'Maison du Chemin Rouge'],
};

const { server, devices } = specSetup();

const newContext = (browser: Browser, kind: DeviceKind): Promise<BrowserContext> => devices.context(browser, kind);

test('a facilitator runs a workshop: residents join by QR code, post ideas, one is hidden, the server restarts', async ({ browser }) => {
  // The facilitator creates the workshop through the UI; the purpose sentence is required.
  const home = new HomePage(await (await newContext(browser, 'desktop')).newPage());
  await home.open(server.url);
  await home.fill({ ...scenario, purpose: '' });
  await home.submit();
  await home.expectError();
  await home.fill(scenario);
  // A free idea wall: ideas are open from the start (the phased run is in animation.spec.ts).
  await home.chooseMethod({ template: 'free' });
  await home.submit();
  const links = await home.links();

  const screen = new ScreenPage(await (await newContext(browser, 'projector')).newPage());
  await screen.open(links.screenUrl);
  await expect(screen.page.getByTestId('screen-purpose')).toContainText('choisir une invention');
  const facilitator = new ConsolePage(await (await newContext(browser, 'desktop')).newPage());
  await facilitator.open(links.facilitatorUrl);
  await expect(facilitator.page.getByTestId('open-screen')).toHaveAttribute('href', links.screenUrl);

  // Three residents scan a QR code (read from the projector, never hard-coded).
  const joinUrls = await screen.joinUrls();
  expect(joinUrls).toHaveLength(2);
  for (const url of joinUrls) expect(url).toMatch(new RegExp(`^${server.url}/j/[A-Z2-9]{6}$`));
  const phones: PhonePage[] = [];
  for (const [index, mood] of (['sunny', 'cloudy', 'rainy'] as const).entries()) {
    const phone = new PhonePage(await (await newContext(browser, 'phone')).newPage());
    await phone.join(joinUrls[index % joinUrls.length]!, mood);
    phones.push(phone);
  }
  await screen.expectConnected(3);

  const ideas = ['Un sac à dos créé par les jeunes', 'Une carte du quartier avec les douches', 'Ouvrir des maisons abandonnées'];
  for (const [index, phone] of phones.entries()) {
    await phone.post(ideas[index]!);
    await phone.expectSent(ideas[index]!);
  }
  for (const idea of ideas) {
    await expect(screen.ideaCards().filter({ hasText: idea })).toHaveCount(1);
    await expect(facilitator.row(idea)).toHaveCount(1);
  }
  // No author on the projector: no nickname, no mood label next to an idea.
  await expect(screen.ideaCards()).toHaveCount(3);

  // Moderation: hidden on the console, gone from the projector and from its author's phone.
  await facilitator.hide(ideas[2]!);
  await expect(screen.ideaCards().filter({ hasText: ideas[2]! })).toHaveCount(0);
  await expect(phones[2]!.myIdea(ideas[2]!)).toHaveCount(0);
  await expect(screen.ideaCards()).toHaveCount(2);

  // The server crashes; a resident keeps writing; everything comes back by itself.
  await server.kill();
  await phones[0]!.expectOnline(false);
  await phones[0]!.post('Passer du temps à parler avec eux');
  await expect(phones[0]!.myIdea('Passer du temps à parler avec eux')).toHaveAttribute('data-state', 'pending');
  await server.boot();
  await phones[0]!.expectOnline(true);
  await phones[0]!.expectSent('Passer du temps à parler avec eux');
  await phones[1]!.post('Un livre d’or pour chaque personne');
  await phones[1]!.expectSent('Un livre d’or pour chaque personne');

  for (const idea of [ideas[0]!, ideas[1]!, 'Passer du temps à parler avec eux', 'Un livre d’or pour chaque personne']) {
    await expect(screen.ideaCards().filter({ hasText: idea })).toHaveCount(1);
    await expect(facilitator.row(idea)).toHaveCount(1);
  }
  await expect(screen.ideaCards().filter({ hasText: ideas[2]! })).toHaveCount(0);
  await screen.expectConnected(3);

  // A reload keeps the same participant and its ideas.
  await phones[0]!.page.reload();
  await phones[0]!.expectSent(ideas[0]!);
  await phones[0]!.expectSent('Passer du temps à parler avec eux');

  // The participant card continues on another phone: same resident, same ideas, counted once.
  const cardCode = (await phones[0]!.page.getByTestId('card-code').textContent()) ?? '';
  const otherPhone = new PhonePage(await (await newContext(browser, 'phone')).newPage());
  await otherPhone.resume(joinUrls[1]!, cardCode);
  await otherPhone.expectSent(ideas[0]!);
  await otherPhone.expectSent('Passer du temps à parler avec eux');
  await expect(otherPhone.myIdea(ideas[1]!)).toHaveCount(0);
  await screen.expectConnected(3);
});
