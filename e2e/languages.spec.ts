import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES } from '@gommette/shared';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { contextOptions } from './support/devices';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

const QUESTION = 'Comment aider les personnes sans abri dans leur quotidien ?';
const QUESTION_AR = 'كيف نساعد الأشخاص بلا مأوى في حياتهم اليومية؟';

const opened: BrowserContext[] = [];
test.afterAll(async () => {
  for (const context of opened.splice(0)) await context.close();
});

/** A resident's phone whose system language is `locale` (Accept-Language and navigator.languages). */
async function phoneIn(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ ...contextOptions('phone'), locale });
  opened.push(context);
  // What "Lire à voix haute" hands to the phone's speech synthesis, text by text.
  await context.addInitScript(() => {
    const spoken: Array<{ text: string; lang: string }> = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => void spoken.push({ text: utterance.text, lang: utterance.lang });
    window.speechSynthesis.cancel = () => undefined;
  });
  return context.newPage();
}

test("a phone opens in its own language: Arabic right-to-left at once, the workshop's words in Arabic when they exist, French marked as French", async ({
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, { phases: BUILT_IN_TEMPLATES[0]!.phases });
  const consoleContext = await devices.context(browser, 'desktop');
  const facilitator = new ConsolePage(await consoleContext.newPage());
  await facilitator.page.goto(workshop.facilitatorUrl);
  await expect(facilitator.page.getByTestId('connected-count')).toBeVisible({ timeout: 30_000 });
  await expect(facilitator.page.locator('html')).toHaveAttribute('lang', 'fr');
  await facilitator.page.getByTestId('run-start').click();

  // Arabic: the first HTML already says so (no French flash), without touching the switch.
  const arabic = await phoneIn(browser, 'ar');
  const first = await arabic.goto(workshop.sites[0]!.joinUrl);
  expect(first?.headers()['vary']).toMatch(/Accept-Language/);
  expect(await first?.text()).toMatch(/<html lang="ar" dir="rtl">/);
  await expect(arabic.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(arabic.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(arabic.getByRole('heading', { name: 'مشاركتك ستفيد في…' })).toBeVisible();
  // The facilitator's French question: laid out by its own direction, read with a French voice, said to be French.
  const question = arabic.getByTestId('question');
  await expect(question).toHaveAttribute('dir', 'auto');
  await expect(question).toHaveAttribute('lang', 'fr');
  await expect(question).toContainText(QUESTION);
  await expect(question.getByTestId('text-language')).toHaveText('(بالفرنسية)');
  await expect(arabic.getByTestId('purpose')).toHaveAttribute('lang', 'fr');
  await arabic.screenshot({ path: testInfo.outputPath('join-ar-360.png'), fullPage: true });

  const resident = new PhonePage(arabic);
  await arabic.getByTestId('mood-sunny').click();
  await arabic.getByTestId('join-submit').click();
  await resident.expectOnline(true);
  // The built-in step in Arabic, marked as Arabic; "read aloud" reads it with an Arabic voice.
  await expect(arabic.getByTestId('phase-title')).toContainText('الاستقبال والطقس');
  const instruction = arabic.getByTestId('phase-instruction');
  await expect(instruction).toHaveText('اختر الطقس الذي يشبهك اليوم. لا داعي لذكر اسمك.');
  await expect(instruction).toHaveAttribute('lang', 'ar');
  await expect(instruction).toHaveAttribute('dir', 'auto');
  await arabic.getByTestId('read-aloud').click();
  expect(await arabic.evaluate(() => (window as unknown as { spoken: unknown }).spoken)).toEqual([
    { text: 'الاستقبال والطقس.', lang: 'ar' },
    { text: 'اختر الطقس الذي يشبهك اليوم. لا داعي لذكر اسمك.', lang: 'ar' },
  ]);
  await expect(arabic.getByTestId('question')).toHaveAttribute('lang', 'fr');
  await arabic.screenshot({ path: testInfo.outputPath('step-ar-360.png'), fullPage: true });

  // Any other language: French.
  const german = await phoneIn(browser, 'de-DE');
  await german.goto(workshop.sites[0]!.joinUrl);
  await expect(german.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(german.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(german.getByRole('heading', { name: 'Votre participation servira à…' })).toBeVisible();
  await expect(german.getByTestId('question').getByTestId('text-language')).toHaveCount(0);
  await german.screenshot({ path: testInfo.outputPath('join-fr-360.png'), fullPage: true });
  await new PhonePage(german).join(workshop.sites[0]!.joinUrl, 'cloudy');
  await expect(german.getByTestId('phase-title')).toHaveText('Accueil et météo');
  await german.screenshot({ path: testInfo.outputPath('step-fr-360.png'), fullPage: true });

  // The facilitator adds the Arabic question in the console: the Arabic phone shows it, as Arabic.
  // Under the console's side-panel tab "Textes et langues".
  await facilitator.page.getByTestId('tool-tab-texts').click();
  const panel = facilitator.page.getByTestId('translations-panel');
  await panel.locator('summary').click();
  const form = panel.getByTestId('translation-form').filter({ has: facilitator.page.getByTestId('translation-source').getByText(QUESTION, { exact: true }) });
  await form.getByTestId('translation-ar').fill(QUESTION_AR);
  await form.getByTestId('translation-save').click();
  await expect(form.getByRole('status')).toBeVisible();
  await facilitator.page.setViewportSize({ width: 1366, height: 768 });
  await form.scrollIntoViewIfNeeded();
  await facilitator.page.screenshot({ path: testInfo.outputPath('console-translations-1366.png') });
  await expect(arabic.getByTestId('question')).toHaveText(QUESTION_AR);
  await expect(arabic.getByTestId('question')).toHaveAttribute('lang', 'ar');
  await expect(german.getByTestId('question')).toHaveText(QUESTION);

  // A choice made on the page wins over the device's language, and is remembered.
  await german.getByRole('button', { name: 'العربية' }).click();
  await expect(german.locator('html')).toHaveAttribute('dir', 'rtl');
  await german.reload();
  await expect(german.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(german.getByTestId('question')).toHaveText(QUESTION_AR);
});
