import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { expectBoard, readBoardView } from './pages/BoardBoard';
import { BoardConsolePage } from './pages/BoardConsolePage';
import { BoardPhonePage } from './pages/BoardPhonePage';
import { PhonePage } from './pages/PhonePage';
import { ScreenPage } from './pages/ScreenPage';
import { VoteBallot } from './pages/VoteBallot';
import { VoteConsole } from './pages/VoteConsole';
import { VoteScreen } from './pages/VoteScreen';
import { ServerProcess } from './support/serverProcess';
import { FacilitatorSocket } from './support/facilitatorSocket';
import { createWorkshopByApi } from './support/spec';

/** The longest idea a resident can send (shared/src/constants.ts). */
const MAX_IDEA_CHARS = 200;

let server: ServerProcess;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start();
});
test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server.stop();
});

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** Long enough to be cut on one line at 1280×720; it must wrap (two lines) or shrink, never be cut. */
const PURPOSE_END =
  'choisir, avec les habitants des quatre lieux, une invention que les jeunes fabriqueront avec le centre social d’ici l’été, présentée à la fête de quartier.';

/** The purpose line: whole on the screen, all its words, on at most two lines, not cut by an ellipsis. */
async function expectPurposeWhole(screen: ScreenPage): Promise<void> {
  const purpose = screen.page.getByTestId('screen-purpose');
  await expect(purpose).toHaveText(PURPOSE_END);
  await screen.expectInViewport([purpose]);
  const shape = await purpose.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      whiteSpace: style.whiteSpace,
      textOverflow: style.textOverflow,
      // Only a box that hides its overflow can cut text (a visible overflow is glyphs' ink, not a cut).
      cutX: style.overflowX === 'visible' ? 0 : element.scrollWidth - element.clientWidth,
      cutY: style.overflowY === 'visible' ? 0 : element.scrollHeight - element.clientHeight,
      lines: Math.round(element.getBoundingClientRect().height / parseFloat(style.lineHeight)),
    };
  });
  expect(shape.whiteSpace).not.toBe('nowrap');
  expect(shape.textOverflow).not.toBe('ellipsis');
  expect(shape.cutX).toBeLessThanOrEqual(1);
  expect(shape.cutY).toBeLessThanOrEqual(1);
  expect(shape.lines).toBeLessThanOrEqual(2);
}

async function newPage(browser: Browser, viewport: { width: number; height: number }, locale = 'fr-FR') {
  const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
  contexts.push(context);
  return context.newPage();
}

test('the projector gives the stage to the ideas, then to the results, with no editing control; a site projector shows only its own QR code', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social des Tilleuls' }, { name: 'Maison du Chemin Rouge' }, { name: 'Médiathèque' }, { name: 'Café associatif' }],
    purpose: `Votre participation servira à ${PURPOSE_END}`,
  });
  const phone = new PhonePage(await newPage(browser, { width: 360, height: 740 }));
  await phone.join(workshop.sites[0]!.joinUrl, 'sunny');
  const ideas = Array.from({ length: 10 }, (_, index) => `Idée numéro ${index + 1} pour un quartier plus accueillant le soir`);
  for (const idea of ideas) await phone.post(idea);
  for (const idea of ideas) await phone.expectSent(idea);

  const screens: ScreenPage[] = [];
  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    await expect(screen.ideaCards()).toHaveCount(10);
    screens.push(screen);
  }
  // The ideas step: the newest eight ideas are whole on the screen.
  for (const screen of screens) {
    const newest = [...ideas]
      .reverse()
      .slice(0, 8)
      .map((text) => screen.ideaCards().filter({ hasText: text }));
    await screen.expectInViewport(newest);
    await expect(screen.editingControls()).toHaveCount(0);
    await expectPurposeWhole(screen);
  }

  // A vote: the top five results are whole on the screen.
  const consolePage = await newPage(browser, { width: 1280, height: 900 });
  await consolePage.goto(workshop.facilitatorUrl);
  await new VoteConsole(consolePage).openRound({ budget: 3, closesAt: Date.now() + 120_000 });
  const ballot = new VoteBallot(phone.page);
  for (const idea of ideas.slice(0, 3)) await ballot.stick(idea);
  for (const screen of screens) {
    const vote = new VoteScreen(screen.page);
    await expect(screen.page.getByTestId('vote-row')).toHaveCount(10);
    await screen.expectInViewport(vote.topRows(5));
    await expect(screen.editingControls()).toHaveCount(0);
    await expectPurposeWhole(screen);
    // The per-site line of each of the top five is whole and readable from the back: 20 px or more.
    for (const row of vote.topRows(5)) {
      const sitesLine = row.locator('.vote-row__sites');
      await screen.expectInViewport([sitesLine]);
      expect(await sitesLine.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(20);
    }
    // In Arabic (right to left, longer rank labels) too.
    await screen.page.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect(screen.page.locator('html')).toHaveAttribute('dir', 'rtl');
    await screen.expectInViewport(vote.topRows(5));
  }

  // A site's projector: only its own QR code, remembered when the page opens again.
  const siteScreen = new ScreenPage(await newPage(browser, sizes[1]!));
  const own = workshop.sites[2]!;
  await siteScreen.open(workshop.screenUrl.replace('#', `?site=${own.id}#`));
  await expect(siteScreen.qrCodes()).toHaveCount(1);
  expect(await siteScreen.joinUrls()).toEqual([own.joinUrl]);
  await siteScreen.open(workshop.screenUrl);
  await expect(siteScreen.qrCodes()).toHaveCount(1);
  await expect(screens[0]!.qrCodes()).toHaveCount(4);
});

/** The facilitator's key, from the console link's `#k=`. */
function facilitatorToken(url: string): string {
  return new URL(url).hash.replace(/^#k=/, '');
}

async function facilitator(workshop: { id: string; facilitatorUrl: string }): Promise<FacilitatorSocket> {
  return FacilitatorSocket.connect(server.url, workshop.id, facilitatorToken(workshop.facilitatorUrl));
}

/** An element's font size and its share of the viewport's height. */
async function fontShare(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize) / window.innerHeight);
}

/** Where `locator` is, as a share of the viewport's height. */
async function heightShare(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().height / window.innerHeight);
}

/** Neither the card nor its text is wider or taller than its box shows (nothing cut, nothing out). */
async function expectWhole(card: Locator): Promise<void> {
  const overflow = await card.evaluate((element) =>
    [element, element.querySelector('.idea-card__text')!].map((box) => ({
      x: box.scrollWidth - box.clientWidth,
      y: box.scrollHeight - box.clientHeight,
    })),
  );
  for (const box of overflow) {
    expect(box.x, 'no text wider than its note').toBeLessThanOrEqual(0);
    expect(box.y, 'no text taller than its note').toBeLessThanOrEqual(1);
  }
}

/**
 * The texts the projector's board draws (read from Konva itself), each with its size in screen
 * pixels (font size × the canvas's zoom) and whether it is on the canvas now.
 */
async function boardTexts(page: Page): Promise<Array<{ text: string; px: number; onScreen: boolean; x: number; y: number }>> {
  return page.evaluate(() => {
    interface Node {
      className: string;
      text(): string;
      fontSize(): number;
      isVisible(): boolean;
      getAbsoluteScale(): { x: number; y: number };
      getClientRect(): { x: number; y: number; width: number; height: number };
    }
    interface Stage {
      width(): number;
      height(): number;
      container(): HTMLElement;
      find(selector: string): Node[];
    }
    const konva = (window as unknown as { Konva?: { stages: Stage[] } }).Konva;
    const stage = konva?.stages.find((candidate) => candidate.container().closest('[data-testid="board-canvas"]'));
    if (!stage) return [];
    return stage.find('Text').map((node) => {
      const rect = node.getClientRect();
      return {
        text: node.text(),
        px: node.fontSize() * node.getAbsoluteScale().y,
        onScreen: node.isVisible() && rect.x + rect.width > 0 && rect.y + rect.height > 0 && rect.x < stage.width() && rect.y < stage.height(),
        // The middle of the text on the canvas.
        x: rect.x + rect.width / 2,
        y: rect.y + rect.height / 2,
      };
    });
  });
}

/** The smallest readable text on the projector: 1.5 % of the screen's height (16 px at 1080). */
const READABLE_SHARE = 0.015;
/** Rounding of the canvas's zoom. */
const PX_TOLERANCE = 0.01;

test('the step and its time are read from the back of the hall; the raised hand and the end of the time take the screen; one place’s QR code is big', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const workshop = await createWorkshopByApi(server.url, {
    phases: [
      { id: 'idees', title: 'Idées pour le quartier', instruction: 'Écris une idée par message.', activity: 'ideas', durationSec: 600, silentSec: 0 },
      { id: 'court', title: 'Tour de table', instruction: 'Chacun dit un mot.', activity: 'ideas', durationSec: 2, silentSec: 0 },
    ],
  });
  const run = await facilitator(workshop);
  const screens: ScreenPage[] = [];
  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    screens.push(screen);
  }
  // Before the start: one place, one QR code over a quarter of the screen's height, readable by a phone.
  for (const screen of screens) {
    await expect(screen.qrCodes()).toHaveCount(1);
    await screen.expectInViewport([screen.qrCodes().first()]);
    expect(await heightShare(screen.qrCodes().first())).toBeGreaterThanOrEqual(0.25);
    await screen.expectInViewport([screen.page.getByTestId(`join-code-${workshop.sites[0]!.joinCode}`)]);
    expect(await screen.joinUrls()).toEqual([workshop.sites[0]!.joinUrl]);
  }

  await run.send('run:control', { action: 'start', from: 0 });
  for (const screen of screens) {
    const title = screen.page.getByTestId('phase-title');
    const timer = screen.page.getByTestId('phase-remaining');
    await expect(title).toHaveText('Idées pour le quartier');
    await screen.expectInViewport([title, timer]);
    expect(await fontShare(title)).toBeGreaterThanOrEqual(0.04);
    expect(await fontShare(timer)).toBeGreaterThanOrEqual(0.08);
  }

  // Main levée: the whole screen, announced, still under reduced motion.
  await run.send('run:hand', { raised: true });
  for (const screen of screens) {
    const hand = screen.page.getByTestId('screen-hand-raised');
    await expect(hand).toBeVisible();
    await expect(hand).toHaveAttribute('role', 'alert');
    expect(await heightShare(hand)).toBeGreaterThanOrEqual(0.99);
    expect(await fontShare(hand.locator('.screen-alert__title'))).toBeGreaterThanOrEqual(0.08);
    expect(await hand.locator('.screen-alert__icon').evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
  }
  await run.send('run:hand', { raised: false });
  for (const screen of screens) await expect(screen.page.getByTestId('screen-hand-raised')).toHaveCount(0);

  // A step of two seconds: once its time is over, a band across the screen says so.
  await run.send('run:control', { action: 'next', from: 0 });
  await run.send('run:control', { action: 'start', from: 1 });
  for (const screen of screens) {
    const band = screen.page.getByTestId('screen-time-up');
    await expect(band).toBeVisible({ timeout: 10_000 });
    await expect(band).toHaveAttribute('role', 'alert');
    // The server ends a step whose time is over: the band says the time is up, or the step over.
    await expect(band).toContainText(/Temps écoulé|Étape terminée/);
    // (The band lets clicks through, so a hit test cannot see it: its box must be on screen.)
    const box = (await band.locator('.screen-alert__title').boundingBox())!;
    const viewport = screen.page.viewportSize()!;
    expect(box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width).toBe(true);
    expect(await fontShare(band.locator('.screen-alert__title'))).toBeGreaterThanOrEqual(0.08);
    expect(await band.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
  }
  // Time added: the band goes.
  await run.send('run:control', { action: 'extend', from: 1, minutes: 5 });
  for (const screen of screens) await expect(screen.page.getByTestId('screen-time-up')).toHaveCount(0);
  run.close();
});

test('four places: four QR codes, each over a quarter of the screen’s height, all whole and readable', async ({ browser }) => {
  test.setTimeout(90_000);
  const workshop = await createWorkshopByApi(server.url, {
    sites: [{ name: 'Centre social des Tilleuls' }, { name: 'Maison du Chemin Rouge' }, { name: 'Médiathèque' }, { name: 'Café associatif' }],
  });
  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    await expect(screen.qrCodes()).toHaveCount(4);
    for (const code of await screen.qrCodes().all()) {
      await screen.expectInViewport([code]);
      expect(await heightShare(code)).toBeGreaterThanOrEqual(0.25);
    }
    for (const site of workshop.sites) await screen.expectInViewport([screen.page.getByTestId(`join-code-${site.joinCode}`)]);
    expect(await screen.joinUrls()).toEqual(workshop.sites.map((site) => site.joinUrl));
  }
});

test('two and three places: one big QR code per row, whole and inside the screen', async ({ browser }) => {
  test.setTimeout(90_000);
  const names = ['Centre social des Tilleuls', 'Maison du Chemin Rouge', 'Médiathèque'];
  for (const [count, share] of [
    [2, 0.25],
    [3, 0.19],
  ] as const) {
    const workshop = await createWorkshopByApi(server.url, { sites: names.slice(0, count).map((name) => ({ name })) });
    for (const viewport of sizes) {
      const screen = new ScreenPage(await newPage(browser, viewport));
      await screen.open(workshop.screenUrl);
      await expect(screen.qrCodes()).toHaveCount(count);
      for (const code of await screen.qrCodes().all()) {
        await screen.expectInViewport([code]);
        expect(await heightShare(code)).toBeGreaterThanOrEqual(share);
        // Not clipped by the join panel either (it hides what does not fit).
        const clipped = await code.evaluate((element) => {
          const box = element.getBoundingClientRect();
          for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            const frame = parent.getBoundingClientRect();
            if (getComputedStyle(parent).overflow !== 'visible' && (box.bottom > frame.bottom + 1 || box.top < frame.top - 1)) return true;
          }
          return false;
        });
        expect(clipped).toBe(false);
      }
    }
  }
});

test('long ideas in Arabic, with emoji or at the length limit stay whole in their notes; notes pop in, except under reduced motion', async ({ browser }) => {
  test.setTimeout(120_000);
  const workshop = await createWorkshopByApi(server.url);
  const phone = new PhonePage(await newPage(browser, { width: 360, height: 740 }));
  await phone.join(workshop.sites[0]!.joinUrl, 'sunny');
  const screens: ScreenPage[] = [];
  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    screens.push(screen);
  }
  const moving = new ScreenPage(await newPage(browser, sizes[0]!));
  await moving.page.emulateMedia({ reducedMotion: 'no-preference' });
  await moving.open(workshop.screenUrl);

  const longest = `${'Un lieu chaleureux ouvert le soir pour les jeunes et les familles du quartier, '.repeat(3)}`.slice(0, MAX_IDEA_CHARS);
  const ideas = [
    longest,
    'نريد مكاناً دافئاً مفتوحاً في المساء للشباب والعائلات في الحي، مع مطبخ مشترك وورشات للإصلاح وحديقة صغيرة نزرعها معاً، وأن يكون المكان قريباً من محطة الحافلات ومفتوحاً أيام العطل أيضاً.'.slice(
      0,
      MAX_IDEA_CHARS,
    ),
    `🎉🌳🚲🍲🎨🎶🏀📚 ${'🌻'.repeat(40)} un jardin partagé 🌻🌻🌻`,
    `Superlongmotsansespace${'a'.repeat(120)}`,
    'Une idée courte',
  ];
  for (const idea of ideas) await phone.post(idea);
  for (const idea of ideas) await phone.expectSent(idea);

  for (const screen of [...screens, moving]) {
    await expect(screen.ideaCards()).toHaveCount(ideas.length);
    for (const idea of ideas) {
      const card = screen.ideaCards().filter({ hasText: idea });
      // (The moving screen tilts its notes a little: its boxes are not upright for the hit test.)
      if (screen !== moving) await screen.expectInViewport([card]);
      await expectWhole(card);
    }
  }
  // The notes that arrived while the screen was open pop in; under reduced motion they do not move.
  const fresh = (screen: ScreenPage) => screen.page.locator('.idea-card--fresh').first();
  expect(await fresh(moving).evaluate((element) => getComputedStyle(element).animationName)).toBe('idea-arrives');
  for (const screen of screens) expect(await fresh(screen).evaluate((element) => getComputedStyle(element).animationName)).toBe('none');

  // In Arabic too.
  for (const screen of screens) {
    await screen.page.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect(screen.page.locator('html')).toHaveAttribute('dir', 'rtl');
    for (const idea of ideas) await expectWhole(screen.ideaCards().filter({ hasText: idea }));
  }
});

test('the journey and the matrix on the projector: notes and labels readable from the back, the whole board in turns, the title follows renamed axes', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const workshop = await createWorkshopByApi(server.url, {
    phases: [
      { id: 'idees', title: 'Idées', instruction: 'Écris une idée par message.', activity: 'ideas', durationSec: 600, silentSec: 0 },
      { id: 'parcours', title: 'Le parcours', instruction: 'Pose des notes sur le parcours.', activity: 'journey', durationSec: 600, silentSec: 0 },
      { id: 'selection', title: 'Sélection', instruction: 'Placez vos idées.', activity: 'matrix', durationSec: 600, silentSec: 0 },
    ],
  });
  const run = await facilitator(workshop);
  const consolePage = await newPage(browser, { width: 1280, height: 900 });
  const boardConsole = new BoardConsolePage(consolePage);
  await boardConsole.open(workshop.facilitatorUrl);
  await boardConsole.setUpJourney();

  const phone = new PhonePage(await newPage(browser, { width: 360, height: 740 }));
  await phone.join(workshop.sites[0]!.joinUrl, 'sunny');
  await run.send('run:control', { action: 'start', from: 0 });
  const ideas = Array.from({ length: 8 }, (_, index) => `Idée ${index + 1} : un banc à l’abri près de l’arrêt de bus`);
  for (const idea of ideas) await phone.post(idea);
  for (const idea of ideas) await phone.expectSent(idea);

  await run.send('run:control', { action: 'goto', from: 0, phaseIndex: 1 });
  await run.send('run:control', { action: 'start', from: 1 });
  const journey = new BoardPhonePage(phone.page);
  await expect(journey.step()).toBeVisible(); // the journey step opens the map on the phones by itself
  const notes = ['Je cherche un endroit pour dormir', 'مكان دافئ للنوم'];
  await journey.addNote('Ce dont elle a besoin', notes[0]!);
  await journey.addNote('Ce dont elle a besoin', notes[1]!);

  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    await expectBoard(screen.page, (board) => notes.every((text) => board.notes.some((note) => note.text === text)), 'the notes on the projector');
    // The open board leaves the step and its time on screen, uncovered, in a strip along the top.
    for (const part of [screen.page.getByTestId('phase-title'), screen.page.getByTestId('phase-timer')]) {
      await screen.expectInViewport([part]);
      const uncovered = await part.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return top !== null && element.contains(top);
      });
      expect(uncovered).toBe(true);
    }
    // Every note and idea drawn on screen is readable; a board too big for that is shown in parts.
    const minimum = READABLE_SHARE * viewport.height - PX_TOLERANCE;
    await expect.poll(async () => (await boardTexts(screen.page)).filter((text) => text.onScreen && notes.includes(text.text)).length).toBeGreaterThan(0);
    const drawn = (await boardTexts(screen.page)).filter((text) => text.onScreen && [...notes, ...ideas].includes(text.text));
    for (const text of drawn) expect(text.px, `“${text.text}” on the projector`).toBeGreaterThanOrEqual(minimum);
    const pages = screen.page.getByTestId('board-page');
    if ((await pages.count()) > 0) {
      // The parts follow one another, so the whole board is seen in turns.
      const count = Number(await pages.getAttribute('data-count'));
      expect(count).toBeGreaterThan(1);
      await expect(pages).toHaveAttribute('data-index', '1', { timeout: 20_000 });
      for (const text of (await boardTexts(screen.page)).filter((text) => text.onScreen && [...notes, ...ideas].includes(text.text)))
        expect(text.px).toBeGreaterThanOrEqual(minimum);
    }
    // The Arabic note is set right-aligned, with room for its vowel marks.
    const arabic = await screen.page.evaluate((text) => {
      const konva = (
        window as unknown as { Konva?: { stages: Array<{ find(selector: string): Array<{ text(): string; align(): string; lineHeight(): number }> }> } }
      ).Konva;
      const node = konva?.stages.flatMap((stage) => stage.find('Text')).find((candidate) => candidate.text() === text);
      return node ? { align: node.align(), lineHeight: node.lineHeight() } : null;
    }, notes[1]!);
    expect(arabic).toEqual({ align: 'right', lineHeight: expect.any(Number) });
    expect(arabic!.lineHeight).toBeGreaterThanOrEqual(1.4);
    await screen.page.context().close();
  }

  // The Sélection step: renamed axes, ideas placed; the projector shows the matrix, its title following the axes.
  await run.send('matrix:axes', { easy: 'Pas cher', priority: 'Urgent' });
  const feed = (await readBoardView(consolePage))!;
  for (const [index, idea] of feed.ideas.entries()) await run.send('matrix:place', { ideaId: idea.id, easy: (index * 13) % 100, priority: (index * 29) % 100 });
  await run.send('run:control', { action: 'goto', from: 1, phaseIndex: 2 });
  await run.send('run:control', { action: 'start', from: 2 });
  for (const viewport of sizes) {
    const screen = new ScreenPage(await newPage(browser, viewport));
    await screen.open(workshop.screenUrl);
    await expectBoard(screen.page, (board) => board.matrix !== null && board.matrix.notes.length === ideas.length, 'the matrix on the projector');
    const view = (await readBoardView(screen.page))!;
    const matrix = view.matrix!;
    expect(matrix.title).toBe('Pas cher × Urgent');
    expect(matrix.axes).toEqual({ easy: 'Pas cher', priority: 'Urgent' });
    const minimum = READABLE_SHARE * viewport.height - PX_TOLERANCE;
    // What is drawn inside the matrix's frame (the rest of the board may show at its sides).
    const canvasWidth = await screen.page.getByTestId('board-canvas').evaluate((element) => element.clientWidth);
    const scale = canvasWidth / view.viewport!.width;
    const frame = {
      left: (matrix.frame.x - view.viewport!.x) * scale,
      top: (matrix.frame.y - view.viewport!.y) * scale,
      right: (matrix.frame.x + matrix.frame.width - view.viewport!.x) * scale,
      bottom: (matrix.frame.y + matrix.frame.height - view.viewport!.y) * scale,
    };
    const inMatrix = async () =>
      (await boardTexts(screen.page)).filter(
        (text) => text.onScreen && text.x >= frame.left && text.x <= frame.right && text.y >= frame.top && text.y <= frame.bottom,
      );
    const labels = ['Pas cher × Urgent', 'Pas cher', 'Urgent', ...ideas];
    await expect.poll(async () => (await inMatrix()).filter((text) => labels.includes(text.text)).length).toBe(labels.length);
    for (const text of await inMatrix()) expect(text.px, `“${text.text}” on the projector’s matrix`).toBeGreaterThanOrEqual(minimum);
    await expect(screen.page.getByTestId('board-page')).toHaveCount(0);
  }
  run.close();
});
