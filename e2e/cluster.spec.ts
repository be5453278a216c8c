import { expect, test, type BrowserContext } from '@playwright/test';
import type { CreateWorkshopResponse, WorkshopState } from '@gommette/shared';
import { expectBoard } from './pages/BoardBoard';
import { BoardConsolePage } from './pages/BoardConsolePage';
import { BoardPhonePage } from './pages/BoardPhonePage';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { ScreenPage } from './pages/ScreenPage';
import { VoteBallot } from './pages/VoteBallot';
import { VoteConsole } from './pages/VoteConsole';
import { VoteScreen } from './pages/VoteScreen';
import { contextOnNode, nodeOf, startLocalCluster, type LocalCluster } from './support/cluster';
import { createWorkshopByApi } from './support/spec';

const NODE_A = 0;
const NODE_B = 1;
const NEEDS = 'Ce dont elle a besoin';
/** Two nodes on a busy two-core machine take a while to load. */
const CLUSTER_START_MS = 240_000;

let cluster: LocalCluster;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(CLUSTER_START_MS);
  cluster = await startLocalCluster(2);
});
test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await cluster?.stop();
});

async function storedIdeas(workshop: CreateWorkshopResponse): Promise<string[]> {
  const response = await fetch(`${cluster.urls.balancer}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  return ((await response.json()) as WorkshopState).ideas.map((idea) => idea.text);
}

test('two nodes: an idea, a gommette and a board note made on node A appear on node B; node A dies and its phone carries on through node B', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const workshop = await createWorkshopByApi(cluster.urls.balancer, { sites: [{ name: 'Centre social' }, { name: 'Maison du quartier' }] });

  // On node B: the projector, the console (vote) and the console's board.
  const screen = new ScreenPage(await (await contextOnNode(browser, 'projector', cluster, NODE_B, contexts)).newPage());
  await screen.open(workshop.screenUrl);
  const voteConsole = new VoteConsole(await (await contextOnNode(browser, 'desktop', cluster, NODE_B, contexts)).newPage());
  await voteConsole.page.goto(workshop.facilitatorUrl);
  const boardConsole = new BoardConsolePage(await (await contextOnNode(browser, 'desktop', cluster, NODE_B, contexts)).newPage());
  await boardConsole.open(workshop.facilitatorUrl);
  await boardConsole.setUpJourney();

  // On node A: a resident's phone, and a second resident who fills the journey map.
  const phoneContext = await contextOnNode(browser, 'phone', cluster, NODE_A, contexts);
  const phone = new PhonePage(await phoneContext.newPage());
  await phone.join(workshop.sites[0]!.joinUrl, 'sunny');
  // And a resident on node B.
  const other = new PhonePage(await (await contextOnNode(browser, 'phone', cluster, NODE_B, contexts)).newPage());
  await other.join(workshop.sites[1]!.joinUrl, 'cloudy');
  expect(await nodeOf(phoneContext, cluster)).toBe(NODE_A);

  // An idea from each node reaches the projector on node B.
  await phone.post('Une bagagerie solidaire');
  await phone.expectSent('Une bagagerie solidaire');
  await other.post('Des douches ouvertes le matin');
  await other.expectSent('Des douches ouvertes le matin');
  await expect(screen.ideaCards().filter({ hasText: 'Une bagagerie solidaire' })).toHaveCount(1);
  await expect(screen.ideaCards().filter({ hasText: 'Des douches ouvertes le matin' })).toHaveCount(1);
  await screen.expectConnected(2);

  // A board note written on node A appears on the console's board on node B.
  const boardPage = await (await contextOnNode(browser, 'phone', cluster, NODE_A, contexts)).newPage();
  await new PhonePage(boardPage).join(workshop.sites[0]!.joinUrl, 'partly');
  const boardPhone = new BoardPhonePage(boardPage);
  await boardPhone.openJourney();
  await boardPhone.addNote(NEEDS, 'Se laver');
  await expectBoard(boardConsole.page, (board) => board.notes.some((note) => note.text === 'Se laver' && note.row === NEEDS), 'the note from node A on node B');

  // A round opened on node B; a gommette stuck on node A shows on node B's projector.
  await voteConsole.openRound({ budget: 1, closesAt: Date.now() + 10 * 60_000 });
  const ballot = new VoteBallot(phone.page);
  await expect(ballot.card('Des douches ouvertes le matin')).toBeVisible();
  await ballot.stick('Des douches ouvertes le matin');
  await ballot.expectLeft(0);
  // A site with fewer than three voters shows its voters live and its gommettes at the close.
  const votes = new VoteScreen(screen.page);
  await votes.expectSiteVoters('Centre social', 1, 0);

  // Node A dies. Its phone reconnects through the balancer to node B and carries on.
  await cluster.kill(NODE_A);
  await ballot.takeBack('Des douches ouvertes le matin');
  await ballot.expectLeft(1);
  await ballot.stick('Une bagagerie solidaire');
  await ballot.expectLeft(0);
  // The ballot counts taps at once (the outbox sends them when it can): the phone is on node B
  // once the balancer has moved its cookie, on its reconnection.
  await expect.poll(() => nodeOf(phoneContext, cluster), { timeout: 30_000 }).toBe(NODE_B);
  // The board lives on: the resident who wrote on node A adds another note, through node B.
  await boardPhone.addNote(NEEDS, 'Manger chaud');
  await expectBoard(boardConsole.page, (board) => board.notes.filter((note) => note.row === NEEDS).length === 2, 'both notes after the failover');
  // The console closes the round; the phone writes again, and its idea arrives once.
  await voteConsole.page.getByTestId('round-close').click();
  await ballot.expectClosed();
  await votes.expectTotals({ 'Une bagagerie solidaire': 1, 'Des douches ouvertes le matin': 0 });
  await phone.post('Un frigo partagé');
  await phone.expectSent('Un frigo partagé');
  // The console (on node B) lists it live, once; the store has it once.
  await expect(new ConsolePage(voteConsole.page).row('Un frigo partagé')).toHaveCount(1);
  expect((await storedIdeas(workshop)).sort()).toEqual(['Des douches ouvertes le matin', 'Un frigo partagé', 'Une bagagerie solidaire']);
});
