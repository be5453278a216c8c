/** Helpers for the vote integration tests: a workshop with ideas, a round, voters, kiosks. */
import type { Ack, CreateWorkshopResponse, KioskLink, MyVotes, RoundView, VoteOpenPayload, VoteResults } from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, type ClientSocket } from './helpers';

export type Connected = Awaited<ReturnType<typeof connect>>;

export function ok<T>(ack: unknown): T {
  const result = ack as Ack<T>;
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result.data;
}

export function openPayload(overrides: Partial<VoteOpenPayload> = {}): VoteOpenPayload {
  return {
    id: clientId(),
    ideas: { from: 'all' },
    budget: 3,
    stacking: false,
    capPerIdea: null,
    selfVote: true,
    results: 'live',
    closesAt: null,
    ...overrides,
  };
}

export interface VoteRoom {
  workshop: CreateWorkshopResponse;
  facilitator: Connected;
  screen: Connected;
  /** Ideas posted by `author`, in order. */
  ideaIds: string[];
  author: { token: string; participantId: string; socket: ClientSocket };
}

/** A workshop with its console, a projector and `ideaCount` ideas written by one resident. */
export async function voteRoom(
  url: string,
  track: ClientSocket[],
  ideaCount = 3,
  sites = ['Centre social', 'Maison du quartier', 'Médiathèque'],
): Promise<VoteRoom> {
  const workshop = await createWorkshop(url, sites);
  const facilitator = await connect(url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  const screen = await connect(url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
  const joined = await joinAs(url, workshop.sites[0]!.joinCode);
  const phone = await connect(url, { role: 'participant', token: joined.participantToken });
  track.push(facilitator.socket, screen.socket, phone.socket);
  const ideaIds: string[] = [];
  const texts = ['Une bagagerie solidaire', 'Des douches au centre social', 'Une carte des lieux utiles', 'Un frigo partagé', 'Des casiers pour les papiers'];
  for (let index = 0; index < ideaCount; index++) {
    const id = clientId();
    ok(await emitWithAck(phone.socket, 'idea:post', { id, text: texts[index % texts.length]! }));
    ideaIds.push(id);
  }
  return { workshop, facilitator, screen, ideaIds, author: { token: joined.participantToken, participantId: joined.participant.id, socket: phone.socket } };
}

export async function openRound(room: VoteRoom, overrides: Partial<VoteOpenPayload> = {}): Promise<RoundView> {
  return ok<RoundView>(await emitWithAck(room.facilitator.socket, 'vote:open', openPayload(overrides)));
}

export async function phoneAt(url: string, joinCode: string, track: ClientSocket[]): Promise<Connected & { participantId: string }> {
  const joined = await joinAs(url, joinCode);
  const connected = await connect(url, { role: 'participant', token: joined.participantToken });
  track.push(connected.socket);
  return { ...connected, participantId: joined.participant.id };
}

export function cast(socket: ClientSocket, roundId: string, ideaId: string, id = clientId(), voterId?: string): Promise<unknown> {
  return emitWithAck(socket, 'vote:cast', voterId ? { id, roundId, ideaId, voterId } : { id, roundId, ideaId });
}

export async function kioskLinks(url: string, workshop: CreateWorkshopResponse): Promise<KioskLink[]> {
  const response = await fetch(`${url}/api/workshops/${workshop.id}/kiosks`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  if (!response.ok) throw new Error(`kiosk links: ${response.status}`);
  return (await response.json()) as KioskLink[];
}

export function kioskToken(link: KioskLink): string {
  return new URL(link.kioskUrl).hash.replace('#k=', '');
}

/** Waits for results for which `match` holds (results arrive coalesced). */
export function resultsWhere(socket: ClientSocket, match: (results: VoteResults) => boolean, timeoutMs = 4000): Promise<VoteResults> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('vote:results', listener);
      reject(new Error(`no matching results within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (results: VoteResults) => {
      if (!match(results)) return;
      clearTimeout(timer);
      socket.off('vote:results', listener);
      resolve(results);
    };
    socket.on('vote:results', listener);
  });
}

export function roundWhere(socket: ClientSocket, match: (round: RoundView) => boolean, timeoutMs = 4000): Promise<RoundView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('vote:round', listener);
      reject(new Error(`no matching round within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (round: RoundView) => {
      if (!match(round)) return;
      clearTimeout(timer);
      socket.off('vote:round', listener);
      resolve(round);
    };
    socket.on('vote:round', listener);
  });
}

export const totalOf = (results: VoteResults, ideaId: string): number | undefined => results.ranking?.find((row) => row.ideaId === ideaId)?.total;
export type { MyVotes };
