import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { PNG } from 'pngjs';
import { clickOnBoard, dragNoteToCell, dragOnBoard, expectBoard, readBoardView } from './pages/BoardBoard';
import { BoardConsolePage } from './pages/BoardConsolePage';
import { BoardPhonePage } from './pages/BoardPhonePage';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { ServerProcess } from './support/serverProcess';
import { watchContentSecurityPolicy } from './support/devices';
import { createWorkshopByApi } from './support/spec';

let server: ServerProcess;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.stop();
  expect(cspViolations.splice(0)).toEqual([]);
});

async function newContext(browser: Browser, kind: 'desktop' | 'projector' | 'phone'): Promise<BrowserContext> {
  const options =
    kind === 'phone'
      ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'fr-FR' }
      : kind === 'projector'
        ? { viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' }
        : { viewport: { width: 1280, height: 800 }, locale: 'fr-FR' };
  const context = await browser.newContext(options);
  watchContentSecurityPolicy(context, cspViolations);
  contexts.push(context);
  return context;
}

const NEEDS = 'Ce dont elle a besoin';
const FEELS = "Ce qu'elle ressent";

test('the journey map: set up on the console, filled from two phones, one of them offline for a while', async ({ browser }) => {
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social' }, { name: 'Maison du quartier' }],
  });

  // The facilitator sets up the journey map and changes it.
  const console = new BoardConsolePage(await (await newContext(browser, 'desktop')).newPage());
  await console.open(workshop.facilitatorUrl);
  await console.setUpJourney();
  await console.renameStep(0, 'Au réveil');
  await console.addStep('Le goûter');
  await console.removeStep(5); // "La nuit"

  const screen = await (await newContext(browser, 'projector')).newPage();
  await screen.goto(workshop.screenUrl);
  await screen.getByTestId('board-toggle').click();
  await expectBoard(
    screen,
    (board) => board.steps.join('|') === ['Au réveil', 'Le matin', 'Le midi', "L'après-midi", 'Le soir', 'Le goûter'].join('|') && board.rows.includes(NEEDS),
    'the projector shows the edited journey map',
  );

  // Two residents, one per site, write in different steps.
  const phones: BoardPhonePage[] = [];
  for (const site of workshop.sites) {
    const page = await (await newContext(browser, 'phone')).newPage();
    await new PhonePage(page).join(site.joinUrl, 'sunny');
    const phone = new BoardPhonePage(page);
    await phone.openJourney();
    phones.push(phone);
  }
  const [first, second] = phones as [BoardPhonePage, BoardPhonePage];
  await expect(first.step()).toHaveText('Au réveil');
  await first.addNote(NEEDS, 'Se laver');
  await second.swipe('next');
  await expect(second.step()).toHaveText('Le matin');
  await second.next();
  await expect(second.step()).toHaveText('Le midi');
  await second.addNote(NEEDS, 'Manger chaud');

  await expectBoard(
    screen,
    (board) =>
      board.notes.some((note) => note.text === 'Se laver' && note.step === 'Au réveil' && note.row === NEEDS) &&
      board.notes.some((note) => note.text === 'Manger chaud' && note.step === 'Le midi' && note.row === NEEDS),
    'both notes in their cells on the projector',
  );

  // The first phone loses the network, writes a feeling, and comes back.
  await first.page.context().setOffline(true);
  await first.expectOnline(false);
  await first.addFeeling(FEELS, 'Tristesse'); // stored as '😢', as before
  await first.page.context().setOffline(false);
  await first.expectOnline(true);
  await expectBoard(screen, (board) => board.notes.filter((note) => note.feeling === '😢').length === 1, 'the offline note reaches the projector');
  // Exactly once, in its cell, and nothing else lost or doubled.
  const board = (await readBoardView(screen))!;
  expect(board.notes.filter((note) => note.feeling === '😢')).toEqual([expect.objectContaining({ step: 'Au réveil', row: FEELS, text: '' })]);
  expect(board.notes).toHaveLength(3);
  // The console sees the same board.
  await expectBoard(console.page, (view) => view.notes.length === 3, 'the console has the three notes');

  // On a laptop, the facilitator drags a note to another cell; every screen follows.
  await console.page.getByTestId('board-fit').click();
  await dragNoteToCell(console.page, 'Manger chaud', 'Le soir', NEEDS);
  await expectBoard(
    screen,
    (view) => view.notes.some((note) => note.text === 'Manger chaud' && note.step === 'Le soir' && note.row === NEEDS),
    'the moved note on the projector',
  );
  // Screen readers get the same board as a list (the canvas itself is hidden from them).
  const list = screen.getByTestId('board-list');
  await list.locator('summary').click();
  await expect(list.locator('section', { has: screen.getByRole('heading', { name: 'Le soir' }) })).toContainText('Manger chaud');
  await expect(screen.getByTestId('board-canvas')).toHaveAttribute('aria-hidden', 'true');

  // An idea posted from a phone becomes a note on the board.
  await new PhonePage(second.page).post('Une douche mobile');
  await expectBoard(screen, (view) => view.ideaCount === 1, 'the idea is on the board');

  // The facilitator makes a named cluster, drags the idea into it, and links a need to it.
  await console.page.getByPlaceholder('Nom du groupe').fill('Se laver, se nourrir');
  await console.page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expectBoard(console.page, (view) => view.clusters.length === 1 && view.ideaCount === 1, 'the cluster on the console');
  await console.page.getByTestId('board-fit').click();
  let view = (await readBoardView(console.page))!;
  await dragOnBoard(console.page, view.ideas[0]!.rect!, view.clusters[0]!.rect!);
  await expectBoard(screen, (board) => board.ideas[0]?.cluster === 'Se laver, se nourrir', 'the idea in its cluster on the projector');
  view = (await readBoardView(console.page))!;
  await clickOnBoard(console.page, view.notes.find((note) => note.text === 'Se laver')!.rect);
  await clickOnBoard(console.page, view.ideas[0]!.rect!);
  await expectBoard(
    screen,
    (board) => board.links.some((link) => link.note === 'Se laver' && link.idea === 'Une douche mobile'),
    'the need linked to the idea',
  );

  // Hiding the idea (moderation, under the board on the console) removes its note; showing it
  // again brings it back in its cluster.
  await console.page.getByTestId('board-toggle').click();
  const moderation = new ConsolePage(console.page);
  await moderation.hide('Une douche mobile');
  await expectBoard(screen, (board) => board.ideaCount === 0, 'the hidden idea leaves the board');
  await moderation.row('Une douche mobile').getByTestId('show-idea').click();
  await expectBoard(screen, (board) => board.ideas[0]?.cluster === 'Se laver, se nourrir', 'the idea back in its cluster');
  await console.page.getByTestId('board-toggle').click();
  await expect(console.page.getByTestId('board-canvas').locator('canvas').first()).toBeVisible();

  // "Suivez-moi": the projector follows the facilitator's view.
  await console.page.getByTestId('board-follow-me').click();
  await expectBoard(screen, (view) => view.following, 'the projector follows the facilitator');
  await console.page.getByTestId('board-follow-me').click();
  await expectBoard(screen, (view) => !view.following, 'the projector is free again');

  // The public screen shows no editing control ("Fermer le tableau", zoom, PNG): the export is the console's.
  await expect(screen.getByTestId('board-export')).toHaveCount(0);
  await expect(screen.getByTestId('board-toggle')).toHaveCount(0);
  const download = console.page.waitForEvent('download');
  await console.page.getByTestId('board-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^gommette-tableau-.*\.png$/);
  // The whole board at full size, whatever part of it the screen shows.
  const png = PNG.sync.read(fs.readFileSync(await file.path()));
  expect(png.width).toBeGreaterThan(1500);
  expect(png.height).toBeGreaterThan(500);
});
