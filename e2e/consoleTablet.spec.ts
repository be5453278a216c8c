import { expect, test, type Locator, type Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES } from '@gommette/shared';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server } = specSetup();

const TABLETS = [
  { name: 'tablet across', width: 1024, height: 768 },
  { name: 'tablet upright', width: 820, height: 1180 },
] as const;

/** Inside the viewport as the facilitator sees it now, the page not scrolled. */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  expect(await page.evaluate(() => window.scrollY), `${what}: the page was not scrolled`).toBe(0);
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, 40), `${what}: its top part on screen`).toBeLessThanOrEqual(viewport.height);
  expect(box.x, `${what}: start`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: end`).toBeLessThanOrEqual(viewport.width);
}

// The step's own control, per view (welcome = météo).
const MAIN: Record<string, (page: Page) => Locator> = {
  welcome: (page) => page.getByTestId('console-front').locator('.mood-summary'),
  ideas: (page) => page.getByTestId('console-front').locator('.console-ideas'),
  vote: (page) => page.getByTestId('round-open'),
  questionnaire: (page) => page.getByTestId('questionnaire-panel'),
};

for (const tablet of TABLETS) {
  for (const language of ['fr', 'ar'] as const) {
    test(`the console on a ${tablet.name} (${tablet.width}×${tablet.height}, ${language}): each step fits, the tools are one click away`, async ({
      browser,
    }, testInfo) => {
      test.setTimeout(150_000);
      const method = BUILT_IN_TEMPLATES.find((template) => template.id === 'co-design')!;
      const workshop = await createWorkshopByApi(server.url, { phases: method.phases.map((phase) => ({ ...phase })), tableCount: 2 });
      const context = await browser.newContext({ viewport: { width: tablet.width, height: tablet.height }, locale: language });
      const page = await context.newPage();
      await page.goto(workshop.facilitatorUrl);
      await expect(page.getByTestId('connected-count')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
      const step = page.getByTestId('run-step');
      const heights: string[] = [];

      for (const [index, phase] of method.phases.entries()) {
        if (index > 0) await page.getByTestId('run-next').click();
        await expect(step).toHaveAttribute('data-phase', phase.id);
        await page.getByTestId('run-start').click();
        await expect(step).toHaveAttribute('data-status', 'running');
        await page.evaluate(() => window.scrollTo(0, 0));
        const view = (await page.locator('main.console').getAttribute('data-view'))!;
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: testInfo.outputPath(`${index + 1}-${phase.id}.png`) });
        heights.push(`${index + 1} ${phase.id} (${view}): ${height}`);
        expect(height, `${phase.id}: at most one and a half screens`).toBeLessThanOrEqual(1.5 * tablet.height);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${phase.id}: nothing wider than the screen`).toBeLessThanOrEqual(tablet.width);
        await expectOnScreen(page, page.getByTestId('run-pause'), `${phase.id}: pause`);
        if (index < method.phases.length - 1) await expectOnScreen(page, page.getByTestId('run-next'), `${phase.id}: next`);
        const main = MAIN[view];
        if (main) await expectOnScreen(page, main(page), `${phase.id}: the step's own part`);
        if (view === 'ideas' || view === 'vote') {
          // The side panel's tools: reachable, a tab's content shown, then closed again.
          const toggle = page.getByTestId('tools-toggle');
          if (await toggle.isVisible()) {
            await toggle.click();
            await expect(toggle).toHaveAttribute('aria-expanded', 'true');
          }
          await page.getByTestId('tool-tab-workshop').click();
          await expect(page.getByTestId('tool-panel-workshop')).toBeVisible();
          await expect(page.getByTestId('tool-panel-workshop')).toContainText('sans abri');
          await page.screenshot({ path: testInfo.outputPath(`${index + 1}-${phase.id}-tools.png`) });
          if (await toggle.isVisible()) {
            await page.keyboard.press('Escape');
            await expect(page.getByTestId('tool-panel-workshop')).toBeHidden();
            await expect(toggle).toBeFocused();
          }
        }
      }
      console.log(`${tablet.width}×${tablet.height} ${language}\n${heights.join('\n')}`);
      await context.close();
    });
  }
}
