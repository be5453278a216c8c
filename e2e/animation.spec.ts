import { expect, test, type Browser, type Page } from '@playwright/test';
import { ConsolePage } from './pages/ConsolePage';
import { HomePage } from './pages/HomePage';
import { PhonePage } from './pages/PhonePage';
import { ScreenPage } from './pages/ScreenPage';
import type { DeviceKind } from './support/devices';
import { specSetup } from './support/spec';

const { server, devices } = specSetup();

async function newPage(browser: Browser, kind: DeviceKind): Promise<Page> {
  return (await devices.context(browser, kind)).newPage();
}

test('a facilitator runs the co-design method: phones follow each phase, main levée, tables, assisted posting, safe mode', async ({ browser }) => {
  test.setTimeout(120_000);
  const home = new HomePage(await newPage(browser, 'desktop'));
  await home.open(server.url);
  await home.fill({
    title: 'Être acteur de son quartier',
    question: 'Comment aider les personnes sans abri dans leur quotidien ?',
    purpose: "Votre participation servira à choisir une invention que les jeunes fabriqueront d'ici l'été.",
    sites: ["Centre social de l'Arbrisseau"],
  });
  // Fast mode: a one-minute welcome, no silent time, two tables, youth group (safe mode).
  await home.chooseMethod({ template: 'co-design', tables: 2, safeMode: true, minutes: { 0: 1 }, silentOff: true });
  await home.submit();
  const links = await home.links();

  const consolePage = await newPage(browser, 'desktop');
  const console = new ConsolePage(consolePage);
  await console.open(links.facilitatorUrl);
  const screenPage = await newPage(browser, 'projector');
  const screen = new ScreenPage(screenPage);
  await screen.open(links.screenUrl);
  const [joinUrl] = await screen.joinUrls();

  // Four residents join and sit at two tables.
  const phones: PhonePage[] = [];
  for (const [index, mood] of (['sunny', 'rainy', 'partly', 'stormy'] as const).entries()) {
    const phone = new PhonePage(await newPage(browser, 'phone'));
    await phone.join(joinUrl!, mood);
    await expect(phone.page.getByTestId('phase-title')).toHaveText("L'atelier va bientôt commencer.");
    await phone.pickTable(index < 2 ? 1 : 2);
    phones.push(phone);
  }
  await screen.expectConnected(4);

  // Météo: started from the console, every phone and the projector follow, with the same end time.
  await consolePage.getByTestId('run-start').click();
  for (const phone of phones) {
    await phone.expectPhase('accueil', 'running');
    await phone.expectActivity('welcome');
  }
  await expect(screenPage.getByTestId('phase-remaining')).toHaveText(/^[01]:\d\d$/);
  await expect(phones[0]!.page.getByTestId('phase-instruction')).toContainText('météo');

  // Idéation: announced first (instruction still hidden), then started.
  await consolePage.getByTestId('goto-ideation').click();
  await phones[0]!.expectPhase('ideation', 'waiting');
  await expect(phones[0]!.page.getByTestId('phase-instruction')).toHaveCount(0);
  await phones[0]!.expectActivity('watch');
  await consolePage.getByTestId('run-start').click();
  for (const phone of phones) await phone.expectActivity('ideas');
  await expect(phones[0]!.page.getByTestId('phase-instruction')).toContainText('Toutes les idées sont bonnes');

  const ideas = ['Un sac à dos créé par les jeunes', 'Un livre d’or pour chaque personne', 'Une carte des douches', 'Passer du temps à parler avec eux'];
  for (const [index, phone] of phones.entries()) {
    await phone.post(ideas[index]!);
    await phone.expectSent(ideas[index]!);
  }
  // Safe mode: held back from the projector until the facilitator approves.
  await expect(console.row(ideas[0]!)).toHaveAttribute('data-pending', 'true');
  await expect(screen.ideaCards()).toHaveCount(0);
  await console.row(ideas[0]!).getByTestId('approve-idea').click();
  await expect(screen.ideaCards().filter({ hasText: ideas[0]! })).toHaveCount(1);
  await consolePage.getByTestId('approve-all').click();
  await expect(screen.ideaCards()).toHaveCount(4);
  await expect(console.row(ideas[2]!).getByTestId('table-badge')).toContainText('Table 2');

  // Main levée: every screen shows the raised hand; nothing can be posted until it is lowered.
  await consolePage.getByTestId('hand-toggle').click();
  for (const phone of phones) await expect(phone.page.getByTestId('hand-raised')).toBeVisible();
  await expect(screenPage.getByTestId('screen-hand-raised')).toBeVisible();
  await consolePage.getByTestId('hand-toggle').click();
  for (const phone of phones) await expect(phone.page.getByTestId('hand-raised')).toHaveCount(0);
  await expect(screenPage.getByTestId('screen-hand-raised')).toHaveCount(0);

  // Idéation resumes.
  await phones[1]!.post('Ouvrir des maisons abandonnées');
  await phones[1]!.expectSent('Ouvrir des maisons abandonnées');
  await console.row('Ouvrir des maisons abandonnées').getByTestId('approve-idea').click();
  await expect(screen.ideaCards()).toHaveCount(5);

  // A table helper types for a resident without a phone: counted as assisted, never named.
  const helper = await newPage(browser, 'phone');
  await helper.goto(links.helperUrl);
  await helper.getByTestId('helper-table').selectOption('2');
  await helper.getByTestId('mood-cloudy').click();
  await helper.getByTestId('idea-input').fill('Une carte avec des réductions pour les repas');
  await helper.getByTestId('idea-submit').click();
  await expect(helper.getByTestId('helper-sent')).toBeVisible();
  const assistedRow = console.row('Une carte avec des réductions pour les repas');
  await expect(assistedRow).toContainText('aidée');
  await assistedRow.getByTestId('approve-idea').click();
  await expect(screen.ideaCards()).toHaveCount(6);

  // Restitution, table by table on the projector.
  await consolePage.getByTestId('goto-restitution').click();
  await consolePage.getByTestId('run-start').click();
  for (const phone of phones) {
    await phone.expectPhase('restitution', 'running');
    await phone.expectActivity('watch');
  }
  await consolePage.getByTestId('screen-table').selectOption('2');
  await expect(screen.ideaCards()).toHaveCount(3);
  await expect(screen.ideaCards().filter({ hasText: ideas[0]! })).toHaveCount(0);
  await consolePage.getByTestId('screen-table').selectOption('');
  await expect(screen.ideaCards()).toHaveCount(6);

  // The method is saved for the next facilitator, who finds it when creating a workshop.
  await console.openTool('method');
  await consolePage.getByTestId('save-method-name').fill('Atelier du jeudi, version courte');
  await consolePage.getByTestId('save-method').click();
  await expect(consolePage.getByText('Méthode enregistrée')).toBeVisible();
  const next = new HomePage(await newPage(browser, 'desktop'));
  await next.open(server.url);
  await expect(next.templateOption('Atelier du jeudi, version courte')).toHaveCount(1);

  // A phone that reloads comes back to the same phase and its table.
  await phones[3]!.page.reload();
  await phones[3]!.expectPhase('restitution', 'running');
  await expect(phones[3]!.page.getByTestId('table-badge').first()).toContainText('Table 2');

  // Clôture: the questionnaire in a few taps; the console sees counts and averages only.
  await consolePage.getByTestId('goto-cloture').click();
  await consolePage.getByTestId('run-start').click();
  for (const [index, phone] of phones.slice(0, 2).entries()) {
    await phone.page.getByTestId(`face-avis-${5 - index}`).click();
    await phone.page.getByTestId('face-revenir-4').click();
    if (index === 0) await phone.page.getByTestId('questionnaire-learned').fill('Qu’on peut aider sans grands moyens');
    await phone.page.getByTestId('questionnaire-submit').click();
    await expect(phone.page.getByTestId('questionnaire-thanks')).toBeVisible();
  }
  await expect(consolePage.getByTestId('questionnaire-responses')).toHaveText('(2 réponses)');
  await expect(consolePage.getByTestId('questionnaire-panel')).toContainText('moyenne 4,5 / 5');
  await expect(consolePage.getByTestId('questionnaire-panel')).toContainText('Qu’on peut aider sans grands moyens');
  await phones[0]!.page.reload();
  await expect(phones[0]!.page.getByTestId('questionnaire-thanks')).toBeVisible();
});
