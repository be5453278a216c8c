import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CentreHomePage } from './pages/CentreHomePage';
import { CentreSpacePage } from './pages/CentreSpacePage';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { ScreenPage } from './pages/ScreenPage';
import { ServerProcess } from './support/serverProcess';

let server: ServerProcess;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.stop();
});

async function newPage(browser: Browser, kind: 'desktop' | 'projector' | 'phone'): Promise<Page> {
  const options =
    kind === 'phone'
      ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' }
      : kind === 'projector'
        ? { viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' }
        : { viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

const PASSWORD = 'une longue phrase de passe';
const SHARED_METHOD = 'Idées en grand groupe';

test('an admin invites a facilitator, who runs a two-session series from a shared method; once removed, the console no longer opens', async ({ browser }) => {
  test.setTimeout(120_000);

  // Another centre of the instance has shared a method (essaimage).
  const neighbour = await newPage(browser, 'desktop');
  const created = await neighbour.request.post(`${server.url}/api/centres`, {
    data: { name: 'Maison du Chemin Rouge', town: 'Lille', admin: { login: 'voisine', password: PASSWORD } },
  });
  expect(created.status()).toBe(201);
  const neighbourCentre = ((await created.json()) as { centres: Array<{ id: string }> }).centres[0]!.id;
  const method = await neighbour.request.post(`${server.url}/api/centres/${neighbourCentre}/templates`, {
    data: {
      name: SHARED_METHOD,
      description: 'Une étape d’idées, sans minuteur.',
      phases: [{ id: 'idees', title: 'Idées', instruction: 'Écris tes idées.', activity: 'ideas', durationSec: 0, silentSec: 0 }],
      shared: true,
    },
  });
  expect(method.status()).toBe(201);

  // The admin creates the centre's space and invites a facilitator.
  const adminPage = await newPage(browser, 'desktop');
  const home = new CentreHomePage(adminPage);
  await home.open(server.url);
  await home.createCentre({ name: 'Centre social Soleil', town: 'Roubaix', login: 'direction.soleil', password: PASSWORD });
  const admin = new CentreSpacePage(adminPage);
  const inviteUrl = await admin.invite();
  expect(inviteUrl).toMatch(/\/centre\/invitation#t=/);

  // The facilitator accepts with a new account and lands in the space.
  const facilitatorPage = await newPage(browser, 'desktop');
  await facilitatorPage.goto(inviteUrl);
  // The invitation names the centre it opens.
  await expect(facilitatorPage.getByTestId('invitation-centre')).toHaveText('Tu es invité·e à rejoindre « Centre social Soleil ».');
  await facilitatorPage.getByTestId('centre-login').fill('claire');
  await facilitatorPage.getByTestId('centre-password').fill(PASSWORD);
  await facilitatorPage.getByTestId('accept-invitation').click();
  await expect(facilitatorPage.getByTestId('centre-title')).toContainText('Centre social Soleil');
  const facilitator = new CentreSpacePage(facilitatorPage);
  await expect(facilitatorPage.getByTestId('tab-team')).toHaveCount(0);

  // A two-session series from the shared method, copied into the centre.
  await facilitator.copySharedTemplate(SHARED_METHOD);
  await facilitator.createSeries('La place du marché', 'Que faire de la place du marché ?');
  const session = {
    series: 'La place du marché',
    purpose: 'Votre participation servira à choisir un aménagement avec la mairie.',
    sites: 'Centre social',
    method: `${SHARED_METHOD} — Centre social Soleil`,
  };
  await facilitator.createWorkshop({ ...session, title: 'Séance 1' });

  // The first session runs: the console opens for a member, a resident posts two ideas.
  const consolePage = await newPage(browser, 'desktop');
  await consolePage.context().addCookies(await facilitatorPage.context().cookies());
  const consoleUrl = await facilitator.consoleUrl('Séance 1');
  const console = new ConsolePage(consolePage);
  await console.open(consoleUrl);
  await consolePage.getByTestId('run-start').click();
  const screen = new ScreenPage(await newPage(browser, 'projector'));
  await screen.open(await facilitator.screenUrl('Séance 1'));
  const [joinUrl] = await screen.joinUrls();
  const phone = new PhonePage(await newPage(browser, 'phone'));
  await phone.join(joinUrl!, 'sunny');
  for (const idea of ['Des bancs à l’ombre des arbres', 'Un marché le dimanche']) {
    await phone.post(idea);
    await phone.expectSent(idea);
  }
  await console.showIdeas();
  await expect(console.row('Un marché le dimanche')).toBeVisible();

  // The second session starts from the first one's outcomes.
  await facilitator.createWorkshop({ ...session, title: 'Séance 2' });
  const sessions = await facilitator.openSeries('La place du marché');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.nth(1)).toContainText('Repart de la séance 1');
  await expect(sessions.nth(1).getByTestId('starting-point')).toContainText('Des bancs à l’ombre des arbres');
  await expect(sessions.nth(1).getByTestId('starting-point')).toContainText('Un marché le dimanche');

  // The series' public follow-up page, as a resident's phone sees it.
  await phone.page.goto(await facilitator.followUpUrl());
  await expect(phone.page.getByTestId('follow-up-title')).toHaveText('La place du marché');
  await expect(phone.page.getByTestId('follow-up-sessions').locator('li')).toHaveCount(2);
  await expect(phone.page.getByTestId('follow-up-sessions').locator('li').first()).toContainText('2 idées');

  // The resident erases their own contributions from their phone: gone from the projector too.
  await phone.page.goBack();
  await phone.expectOnline(true);
  await expect(screen.ideaCards()).toHaveCount(2);
  // The confirmation, then the message saying what was erased.
  const dialogs: string[] = [];
  phone.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await phone.page.getByTestId('erase-contributions').click();
  await expect(screen.ideaCards()).toHaveCount(0);
  await expect(phone.page.getByTestId('idea-input')).toHaveCount(0);
  expect(dialogs[1]).toContain('2 idées et ton profil');

  // The admin removes the facilitator: the open console closes, and the link no longer opens it.
  await admin.page.reload();
  await admin.removeMember('claire');
  await expect(consolePage.getByTestId('error')).toContainText("appartient à l'espace d'un centre");
  await facilitatorPage.goto(consoleUrl);
  await expect(facilitatorPage.getByTestId('error')).toContainText("appartient à l'espace d'un centre");
  await facilitatorPage.goto(`${server.url}/centre`);
  await expect(facilitatorPage.getByText("Tu n'es membre d'aucun centre pour l'instant.")).toBeVisible();
  // The workshops stay with the centre.
  await admin.tab('workshops');
  await expect(admin.workshop('Séance 1')).toBeVisible();
  await expect(admin.workshop('Séance 2')).toBeVisible();
  // The admin gives Séance 1 a new console link (Claire held the old one): it opens the console.
  const newConsoleUrl = await admin.rotateConsoleLink('Séance 1');
  expect(newConsoleUrl).not.toBe(consoleUrl);
  const adminConsole = new ConsolePage(await newPage(browser, 'desktop'));
  await adminConsole.page.context().addCookies(await admin.page.context().cookies());
  await adminConsole.open(newConsoleUrl);
});

test('the territory view says that no centre shares its figures when none has opted in', async ({ browser }) => {
  const page = await newPage(browser, 'desktop');
  const home = new CentreHomePage(page);
  await home.open(server.url);
  await home.createCentre({ name: 'Centre social Lune', town: 'Tourcoing', login: 'direction.lune', password: PASSWORD });
  await page.getByTestId('tab-figures').click();
  await page.getByRole('button', { name: 'Afficher la vue du territoire' }).click();
  await expect(page.getByTestId('territory-none')).toContainText('Aucun centre ne partage encore ses chiffres');
  await expect(page.getByTestId('territory')).toHaveCount(0);
});

test("the data tab names its tables in the page's language, and their CSV headers follow", async ({ browser }) => {
  const page = await newPage(browser, 'desktop');
  const home = new CentreHomePage(page);
  await home.open(server.url);
  await home.createCentre({ name: 'Centre social Étoile', town: 'Wattrelos', login: 'direction.etoile', password: PASSWORD });
  await page.getByTestId('tab-data').click();
  const ideas = page.getByTestId('export-csv-ideas');
  await expect(ideas).toHaveText('Tableau « idées » (CSV)');
  const href = await ideas.getAttribute('href');
  expect(href).toContain('lang=fr');
  const csv = await page.request.get(new URL(href!, server.url).toString());
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[0]).toContain('texte');
});
