import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { dragOnBoard, expectBoard, readBoardView, type MatrixQuadrant } from './pages/BoardBoard';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import type { DeviceKind } from './support/devices';
import { createWorkshopByApi, specSetup } from './support/spec';

const { server, devices } = specSetup();

async function newPage(browser: Browser, kind: DeviceKind): Promise<Page> {
  return (await devices.context(browser, kind)).newPage();
}

/** Places one idea from a phone: a choice on each axis, by its words (as a resident reads them). */
async function place(phone: PhonePage, idea: string, easy: string, priority: string): Promise<void> {
  const card = phone.page.getByTestId('matrix-card').filter({ hasText: idea });
  await card.getByTestId('matrix-axis-easy').getByRole('radio', { name: easy }).check();
  await card.getByTestId('matrix-axis-priority').getByRole('radio', { name: priority }).check();
  await expect(card).toHaveAttribute('data-placed', 'yes');
}

test('Sélection: two tables place their own ideas from their phones, the projector’s board shows them in their quadrants, the quadrant goes to a vote', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social' }],
    tableCount: 2,
    phases: [
      { id: 'idees', title: 'Idées', instruction: 'Écris une idée par message.', activity: 'ideas', durationSec: 600, silentSec: 0 },
      { id: 'selection', title: 'Sélection', instruction: 'Avec ta table, placez vos idées.', activity: 'matrix', durationSec: 600, silentSec: 0 },
      { id: 'vote', title: 'Vote', instruction: 'Colle tes gommettes.', activity: 'vote', durationSec: 600, silentSec: 0 },
    ],
  });

  const consolePage = await newPage(browser, 'desktop');
  await new ConsolePage(consolePage).open(workshop.facilitatorUrl);
  const screen = await newPage(browser, 'projector');
  await screen.goto(workshop.screenUrl);
  await expect(screen.getByTestId('screen-question')).toBeVisible();

  // Two residents at two tables write their ideas.
  const ideas = { 1: ['Une bagagerie solidaire', 'Un grand festival'], 2: ['Des douches au centre social', 'Un frigo partagé'] } as const;
  const phones: PhonePage[] = [];
  for (const table of [1, 2] as const) {
    const phone = new PhonePage(await newPage(browser, 'phone'));
    await phone.join(workshop.sites[0]!.joinUrl, 'sunny');
    await phone.pickTable(table);
    phones.push(phone);
  }
  const [first, second] = phones as [PhonePage, PhonePage];
  await consolePage.getByTestId('run-start').click();
  for (const [index, phone] of phones.entries()) {
    await phone.expectActivity('ideas');
    for (const text of ideas[(index + 1) as 1 | 2]) {
      await phone.post(text);
      await phone.expectSent(text);
    }
  }

  // Sélection: each phone shows its table's ideas only, never the other table's.
  await consolePage.getByTestId('goto-selection').click();
  await consolePage.getByTestId('run-start').click();
  for (const [index, phone] of phones.entries()) {
    await expect(phone.page.getByTestId('phone-matrix')).toBeVisible();
    await expect(phone.page.getByTestId('matrix-card')).toHaveCount(2);
    for (const text of ideas[(index + 1) as 1 | 2]) await expect(phone.page.getByTestId('matrix-card').filter({ hasText: text })).toHaveCount(1);
  }
  await expect(first.page.getByTestId('phone-matrix').getByTestId('table-badge')).toContainText('Table 1');

  await place(first, 'Une bagagerie solidaire', 'Tout à fait', 'Tout à fait');
  await place(first, 'Un grand festival', 'Pas du tout', 'Un peu');
  await place(second, 'Des douches au centre social', 'Plutôt oui', 'Tout à fait');
  await place(second, 'Un frigo partagé', 'Tout à fait', 'Pas du tout');
  await expect(first.page.getByTestId('matrix-card').filter({ hasText: 'Une bagagerie solidaire' })).toContainText('Facile et prioritaire');

  // The projector opened its board on the matrix: every idea in its quadrant, labelled by table.
  const expected: Array<[string, number, MatrixQuadrant]> = [
    ['Une bagagerie solidaire', 1, 'easy-priority'],
    ['Un grand festival', 1, 'hard-later'],
    ['Des douches au centre social', 2, 'easy-priority'],
    ['Un frigo partagé', 2, 'easy-later'],
  ];
  await expectBoard(
    screen,
    (board) =>
      board.matrix !== null &&
      board.matrix.notes.length === 4 &&
      expected.every(([text, table, quadrant]) => board.matrix!.notes.some((note) => note.text === text && note.table === table && note.quadrant === quadrant)),
    'the projector’s matrix shows the four ideas in their quadrants',
  );
  const board = (await readBoardView(screen))!;
  const matrix = board.matrix!;
  // Each note is drawn inside its quadrant, and the projector is centred on the matrix.
  for (const note of matrix.notes) {
    const box = matrix.quadrants.find((quadrant) => quadrant.quadrant === note.quadrant)!.rect;
    expect(note.rect.x).toBeGreaterThanOrEqual(box.x);
    expect(note.rect.x + note.rect.width).toBeLessThanOrEqual(box.x + box.width);
    expect(note.rect.y).toBeGreaterThanOrEqual(box.y);
    expect(note.rect.y + note.rect.height).toBeLessThanOrEqual(box.y + box.height);
  }
  const view = board.viewport!;
  const centre = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  expect(centre.x).toBeGreaterThan(matrix.frame.x);
  expect(centre.x).toBeLessThan(matrix.frame.x + matrix.frame.width);
  expect(centre.y).toBeGreaterThan(matrix.frame.y);
  expect(centre.y).toBeLessThan(matrix.frame.y + matrix.frame.height);
  expect(matrix.axes).toEqual({ easy: 'Facile à faire', priority: 'Prioritaire' });
  // The public screen shows no editing control (the PNG export is the console's).
  await expect(screen.getByTestId('board-export')).toHaveCount(0);

  // A tablemate's change reaches the other phone of the table.
  const mate = new PhonePage(await newPage(browser, 'phone'));
  await mate.join(workshop.sites[0]!.joinUrl, 'rainy');
  await mate.pickTable(1);
  await expect(mate.page.getByTestId('matrix-card')).toHaveCount(2);
  await place(mate, 'Un grand festival', 'Plutôt oui', 'Pas du tout');
  await expect(
    first.page.getByTestId('matrix-card').filter({ hasText: 'Un grand festival' }).getByTestId('matrix-axis-easy').getByRole('radio', { name: 'Plutôt oui' }),
  ).toBeChecked();
  await expectBoard(
    screen,
    (view) => view.matrix?.notes.some((note) => note.text === 'Un grand festival' && note.quadrant === 'easy-later') ?? false,
    'the moved idea on the projector',
  );

  // On the console's board, the facilitator drags a note to another quadrant: the idea moves everywhere.
  await consolePage.getByTestId('board-toggle').click();
  await expectBoard(consolePage, (view) => view.matrix?.notes.length === 4, 'the console’s board shows the matrix');
  // The PNG of the board holds the matrix too (drawn off screen, wider than the journey alone).
  const download = consolePage.waitForEvent('download');
  await consolePage.getByTestId('board-export').click();
  const png = await (await download).path();
  const image = PNG.sync.read(fs.readFileSync(png));
  expect(image.width).toBeGreaterThanOrEqual(matrix.frame.x + matrix.frame.width);
  const onConsole = (await readBoardView(consolePage))!.matrix!;
  const fridge = onConsole.notes.find((note) => note.text === 'Un frigo partagé')!;
  await dragOnBoard(consolePage, fridge.rect, onConsole.quadrants.find((quadrant) => quadrant.quadrant === 'hard-priority')!.rect);
  await expectBoard(
    screen,
    (view) => view.matrix?.notes.some((note) => note.text === 'Un frigo partagé' && note.quadrant === 'hard-priority') ?? false,
    'the dragged idea on the projector',
  );
  await expect(
    second.page.getByTestId('matrix-card').filter({ hasText: 'Un frigo partagé' }).getByTestId('matrix-axis-easy').getByRole('radio', { name: 'Un peu' }),
  ).toBeChecked();
  await consolePage.getByTestId('board-toggle').click();

  // The facilitator sends the "facile et prioritaire" quadrant to a vote; phones vote on those two ideas.
  await consolePage.getByTestId('matrix-vote-quadrant').click();
  await expect(consolePage.getByTestId('vote-status')).toHaveText(/Vote en cours/);
  await consolePage.getByTestId('goto-vote').click();
  await consolePage.getByTestId('run-start').click();
  const cards = second.page.getByTestId('vote-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: 'Une bagagerie solidaire' })).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Des douches au centre social' })).toHaveCount(1);
});
