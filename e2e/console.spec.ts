import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES } from '@gommette/shared';
import { PhonePage } from './pages/PhonePage';
import { VoteBallot } from './pages/VoteBallot';
import { watchContentSecurityPolicy } from './support/devices';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

const LAPTOP = { width: 1366, height: 768 };

/** In the first screen, as the facilitator sees it now: visible, inside the viewport, the page not scrolled. */
async function expectInFirstScreen(page: Page, locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  expect(await page.evaluate(() => window.scrollY), `${what}: the page was not scrolled`).toBe(0);
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(LAPTOP.height);
  expect(box!.x, `${what}: start`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: end`).toBeLessThanOrEqual(LAPTOP.width);
}

/** The element drawn at the middle of `locator` is `locator` itself (nothing covers it). */
async function expectUncovered(locator: Locator, what: string): Promise<void> {
  const uncovered = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return top !== null && element.contains(top);
  });
  expect(uncovered, `${what} is not covered`).toBe(true);
}

/** Presses keys the way a facilitator does: on the page, nothing focused (a click on the page's background). */
async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

test('a facilitator runs the whole co-design workshop with the keyboard on a laptop while three phones follow', async ({ browser }) => {
  test.setTimeout(240_000);
  const method = BUILT_IN_TEMPLATES.find((template) => template.id === 'co-design')!;
  expect(method.phases).toHaveLength(9);
  const workshop = await createWorkshopByApi(server.url, { phases: method.phases.map((phase) => ({ ...phase })), tableCount: 2 });

  // A laptop, not the default desktop context: 1366×768 is the size the console must fit.
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'fr-FR' });
  const refused: string[] = [];
  watchContentSecurityPolicy(context, refused);
  const page = await context.newPage();
  await page.goto(workshop.facilitatorUrl);
  await expect(page.getByTestId('connected-count')).toBeVisible();

  const phones: PhonePage[] = [];
  for (const [index, mood] of (['sunny', 'partly', 'rainy'] as const).entries()) {
    const phone = new PhonePage(await (await devices.context(browser, 'phone')).newPage());
    await phone.join(workshop.sites[0]!.joinUrl, mood);
    await phone.pickTable(index === 0 ? 1 : 2);
    phones.push(phone);
  }
  await expect(page.getByTestId('connected-count')).toHaveText('3');

  const step = page.getByTestId('run-step');
  const expectStep = async (id: string, status: string) => {
    await expect(step).toHaveAttribute('data-phase', id);
    await expect(step).toHaveAttribute('data-status', status);
  };

  // The help: `?` opens a modal dialog, Escape closes it.
  await press(page, '?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Étape suivante');
  await expect(page.getByTestId('shortcut-help-close')).toBeFocused();
  // Modal: the console behind takes no key (PageDown does not change the step).
  await page.keyboard.press('PageDown');
  await expectStep(method.phases[0]!.id, 'waiting');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  for (const [index, phase] of method.phases.entries()) {
    if (index > 0) {
      // A presentation clicker sends PageDown; the arrows work too.
      await press(page, index % 2 === 1 ? 'PageDown' : 'ArrowRight');
      await expectStep(phase.id, 'waiting');
    }
    await expect(step).toContainText(`Étape ${index + 1} sur 9`);
    await press(page, index % 2 === 0 ? 'Space' : 'p');
    await expectStep(phase.id, 'running');
    for (const phone of phones) await phone.expectPhase(phase.id, 'running');

    // What every step needs, in the first screen: the timer, pause, next, main levée.
    await expectInFirstScreen(page, page.getByTestId('phase-remaining'), `${phase.id}: the timer`);
    await expectInFirstScreen(page, page.getByTestId('run-pause'), `${phase.id}: pause`);
    await expectInFirstScreen(page, page.getByTestId('hand-toggle'), `${phase.id}: main levée`);
    if (index < method.phases.length - 1) await expectInFirstScreen(page, page.getByTestId('run-next'), `${phase.id}: next`);

    switch (phase.activity) {
      case 'welcome': {
        await expectInFirstScreen(page, page.getByTestId('console-front').locator('.mood-summary'), 'météo: the room’s weather');
        await expectInFirstScreen(page, page.locator('.console-site__qr').first(), 'météo: the QR code to join');
        for (const phone of phones) await phone.expectActivity('welcome');
        // +1 min by keyboard; pause and resume; main levée for every phone.
        await expect(page.getByTestId('phase-remaining')).toHaveText(/^9:\d\d$/);
        await press(page, '+');
        await expect(page.getByTestId('phase-remaining')).toHaveText(/^10:\d\d$/);
        await press(page, 'p');
        await expectStep(phase.id, 'paused');
        await press(page, 'p');
        await expectStep(phase.id, 'running');
        await press(page, 'h');
        for (const phone of phones) await expect(phone.page.getByTestId('hand-raised')).toBeVisible();
        await press(page, 'h');
        for (const phone of phones) await expect(phone.page.getByTestId('hand-raised')).toHaveCount(0);
        break;
      }
      case 'watch':
        if (phase.id === 'restitution') await expectInFirstScreen(page, page.getByTestId('screen-table'), 'restitution: the table on the projector');
        else await expectInFirstScreen(page, page.getByTestId('console-purpose'), `${phase.id}: the question and its purpose`);
        for (const phone of phones) await expect(phone.page.getByTestId('idea-input')).toHaveCount(0);
        if (phase.id === 'contexte') {
          // A step changed by mistake comes back with "previous".
          await press(page, 'PageDown');
          await expectStep('parcours', 'waiting');
          await press(page, 'PageUp');
          await expectStep('contexte', 'waiting');
          await press(page, 'Space');
          await expectStep('contexte', 'running');
        }
        break;
      case 'journey': {
        await expectInFirstScreen(page, page.getByTestId('board-toggle'), 'parcours: the board');
        await press(page, 't');
        await expect(page.getByTestId('board-canvas').locator('canvas').first()).toBeVisible();
        // The open board leaves the step, the timer and the controls in sight.
        for (const id of ['phase-remaining', 'run-pause', 'run-next', 'hand-toggle'])
          await expectUncovered(page.getByTestId(id), `parcours, board open: ${id}`);
        await press(page, 't');
        await expect(page.getByTestId('board-canvas')).toHaveCount(0);
        break;
      }
      case 'ideas': {
        // The silent time shows with its own countdown, and ends early.
        await expectInFirstScreen(page, page.getByTestId('silence-remaining'), 'idées: the silent time');
        await expect(page.getByTestId('silence-remaining')).toHaveText(/^[45]:\d\d$/);
        // The silent time's countdown and button pass axe (WCAG 2.x A/AA, nothing serious or critical).
        const axe = await new AxeBuilder({ page }).include('[data-testid="run-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
        expect(
          axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id),
        ).toEqual([]);
        for (const [number, phone] of phones.entries()) {
          await phone.post(`Une idée du téléphone ${number + 1}`);
          await phone.expectSent(`Une idée du téléphone ${number + 1}`);
        }
        await expectInFirstScreen(page, page.getByTestId('idea-row').first(), 'idées: the idea list with moderation');
        await expect(page.getByTestId('idea-row')).toHaveCount(3);
        // Typing in a field is never a shortcut.
        const paper = page.getByTestId('paper-idea');
        await paper.focus();
        await page.keyboard.type('p h');
        await page.keyboard.press('PageDown');
        await expect(paper).toHaveValue('p h');
        await expectStep(phase.id, 'running');
        await expect(page.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'false');
        await paper.fill('');
        // Nor with a modifier held.
        await press(page, 'Control+PageDown');
        await expectStep(phase.id, 'running');
        const endSilence = page.getByTestId('end-silence');
        await endSilence.focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('silence-timer')).toHaveCount(0);
        await expectStep(phase.id, 'running');
        for (const phone of phones) await phone.expectActivity('ideas');
        break;
      }
      case 'matrix':
        await expectInFirstScreen(page, page.getByTestId('matrix'), 'sélection: the matrix');
        await expectInFirstScreen(page, page.getByTestId('matrix-vote-quadrant'), 'sélection: vote on the quadrant');
        for (const phone of phones) await expect(phone.page.getByTestId('phone-matrix')).toBeVisible();
        break;
      case 'vote': {
        const open = page.getByTestId('round-open');
        await expectInFirstScreen(page, open, 'vote: open the vote');
        await open.focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('vote-status')).toHaveText(/Vote en cours/);
        await expectInFirstScreen(page, page.getByTestId('round-close'), 'vote: close the vote');
        for (const phone of phones) await expect(phone.page.getByTestId('vote-card')).toHaveCount(3);
        await new VoteBallot(phones[0]!.page).stick('Une idée du téléphone 2');
        const close = page.getByTestId('round-close');
        await close.focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('round-reveal')).toBeVisible();
        await press(page, 'r');
        await expect(page.getByTestId('round-reveal')).toHaveText(/révélés/);
        break;
      }
      case 'questionnaire':
        await expectInFirstScreen(page, page.getByTestId('questionnaire-panel'), 'clôture: the answers coming in');
        for (const phone of phones) await expect(phone.page.getByTestId('questionnaire')).toBeVisible();
        await phones[0]!.page.getByTestId('face-avis-5').click();
        await phones[0]!.page.getByTestId('questionnaire-submit').click();
        await expect(page.getByTestId('questionnaire-responses')).toHaveText('(1 réponse)');
        break;
      default:
        throw new Error(`no check for ${phase.activity}`);
    }
  }

  // The last step ends: the follow-up (the brief) comes in front.
  const end = page.getByTestId('run-end');
  await end.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('retour-panel')).toBeVisible();
  await expect(page.getByTestId('new-brief')).toBeVisible();
  await context.close();
  expect(refused).toEqual([]);
});
