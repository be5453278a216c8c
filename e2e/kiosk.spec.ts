import { expect, test, type BrowserContext } from '@playwright/test';
import { KioskTablet } from './pages/KioskTablet';
import { VoteConsole } from './pages/VoteConsole';
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

test('the kiosk start screen names the site, the question and its purpose, and switches language', async ({ browser }) => {
  const workshop = await createWorkshopByApi(server.url, {
    question: 'Comment rendre le quartier plus accueillant ?',
    purpose: 'Tes idées serviront au conseil de quartier de mars.',
    sites: [{ name: 'Centre social des Tilleuls' }, { name: 'Café associatif' }],
  });
  const consoleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'fr-FR', hasTouch: true });
  contexts.push(consoleContext, tabletContext);
  const consolePage = await consoleContext.newPage();
  await consolePage.goto(workshop.facilitatorUrl);
  const kiosk = new KioskTablet(await tabletContext.newPage());
  await kiosk.openWaiting(await new VoteConsole(consolePage).kioskUrl('Café associatif'));

  await kiosk.expectIntro({
    site: 'Café associatif',
    question: 'Comment rendre le quartier plus accueillant ?',
    purpose: 'Tes idées serviront au conseil de quartier de mars.',
  });
  await expect(kiosk.page.getByTestId('kiosk-waiting')).toHaveText('Le vote n’est pas encore ouvert.');
  await kiosk.chooseLanguage('العربية');
  await expect(kiosk.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(kiosk.page.getByTestId('kiosk-waiting')).toHaveText('التصويت لم يُفتح بعد.');
  await expect(kiosk.page.getByTestId('kiosk-site')).toContainText('Café associatif');
  await kiosk.chooseLanguage('English');
  await expect(kiosk.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(kiosk.page.getByTestId('kiosk-site')).toHaveText('Place: Café associatif');
});
