import type { AccountView, CreateWorkshopResponse, RoundView } from '@gommette/shared';
import { clientId, connect, emitWithAck, joinAs, startServer, type ClientSocket, type TestServer } from './helpers';
import { ok, openPayload } from './voteFixtures';

/** A test server whose clock the test moves (retention), on its own SQLite file. */
export async function startClockedServer(options: { dataDir?: string; clock?: { now: number } } = {}): Promise<TestServer & { clock: { now: number } }> {
  const clock = options.clock ?? { now: Date.now() };
  const server = await startServer({ dataDir: options.dataDir, now: () => clock.now });
  return { ...server, clock };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client of the space: keeps its session cookie between requests. */
export class Browser {
  cookie: string | null = null;
  constructor(readonly url: string) {}

  async request<T = unknown>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      if (pair?.startsWith('gommette_session=')) this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: (type.includes('json') && text ? JSON.parse(text) : text) as T, headers: response.headers };
  }

  get = <T = unknown>(route: string) => this.request<T>('GET', route);
  post = <T = unknown>(route: string, body: unknown = {}) => this.request<T>('POST', route, body);
  patch = <T = unknown>(route: string, body: unknown) => this.request<T>('PATCH', route, body);
  delete = <T = unknown>(route: string) => this.request<T>('DELETE', route);
}

export const PASSWORD = 'une phrase de passe longue';

/** A new centre with a new admin account, signed in. */
export async function newCentre(url: string, login: string, name = 'Centre social Soleil'): Promise<{ admin: Browser; centreId: string }> {
  const admin = new Browser(url);
  const created = await admin.post<AccountView>('/api/centres', { name, town: 'Roubaix', admin: { login, password: PASSWORD } });
  if (created.status !== 201) throw new Error(`centre creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const centre = created.body.centres.find((item) => item.name === name);
  if (!centre) throw new Error('centre not listed');
  return { admin, centreId: centre.id };
}

/** The admin invites; a new account accepts and is signed in. */
export async function invite(admin: Browser, centreId: string, login: string): Promise<Browser> {
  const invitation = await admin.post<{ inviteUrl: string }>(`/api/centres/${centreId}/invitations`, { role: 'facilitator' });
  if (invitation.status !== 201) throw new Error(`invitation failed: ${invitation.status}`);
  const token = new URL(invitation.body.inviteUrl).hash.replace('#t=', '');
  const member = new Browser(admin.url);
  const accepted = await member.post('/api/invitations/accept', { token, account: { login, password: PASSWORD } });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return member;
}

export const workshopDraft = (title = 'Atelier du mardi') => ({
  title,
  question: 'Comment rendre la place plus agréable ?',
  purpose: 'Votre participation servira à choisir un aménagement avec la mairie.',
  sites: [{ name: 'Centre social' }, { name: 'Maison du quartier' }],
});

export async function centreWorkshop(member: Browser, centreId: string, extra: Record<string, unknown> = {}): Promise<CreateWorkshopResponse> {
  const created = await member.post<CreateWorkshopResponse>(`/api/centres/${centreId}/workshops`, { ...workshopDraft(), ...extra });
  if (created.status !== 201) throw new Error(`workshop creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

const ROUND_PHASES = [
  { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'cloture', title: 'Clôture', instruction: 'Dis-nous', activity: 'questionnaire', durationSec: 300, silentSec: 0 },
];

/**
 * A centre's workshop run for real: residents per site post ideas, vote (each gives one gommette to
 * the first idea) in a closed round, and answer the closing questionnaire (`avis` as given).
 */
export async function runCentreWorkshop(
  member: Browser,
  centreId: string,
  options: { perSite: number[]; avis: Array<1 | 2 | 3 | 4 | 5>; ideas: string[]; title?: string },
): Promise<{ workshop: CreateWorkshopResponse; ideaIds: string[] }> {
  const sites = options.perSite.map((_, index) => ({ name: ['Centre social', 'Maraude', 'Médiathèque'][index]! }));
  const workshop = await centreWorkshop(member, centreId, { ...workshopDraft(options.title), sites, phases: ROUND_PHASES });
  const sockets: ClientSocket[] = [];
  try {
    const facilitator = await connect(
      member.url,
      { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken },
      { extraHeaders: { cookie: member.cookie! } },
    );
    sockets.push(facilitator.socket);
    await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 0 });
    const phones: ClientSocket[] = [];
    for (const [siteIndex, count] of options.perSite.entries()) {
      for (let i = 0; i < count; i++) {
        const joined = await joinAs(member.url, workshop.sites[siteIndex]!.joinCode, `Habitant${siteIndex}-${i}`);
        const phone = await connect(member.url, { role: 'participant', token: joined.participantToken });
        sockets.push(phone.socket);
        phones.push(phone.socket);
      }
    }
    const ideaIds = options.ideas.map(() => clientId());
    for (const [index, text] of options.ideas.entries()) ok(await emitWithAck(phones[index % phones.length]!, 'idea:post', { id: ideaIds[index], text }));
    const round = ok<RoundView>(await emitWithAck(facilitator.socket, 'vote:open', openPayload({ budget: 1 })));
    for (const phone of phones) ok(await emitWithAck(phone, 'vote:cast', { id: clientId(), roundId: round.id, ideaId: ideaIds[0] }));
    ok(await emitWithAck(facilitator.socket, 'vote:close', { roundId: round.id }));
    await emitWithAck(facilitator.socket, 'run:control', { action: 'goto', from: 0, phaseIndex: 1 });
    await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 1 });
    for (const [index, phone] of phones.entries()) {
      const avis = options.avis[index];
      if (avis === undefined) continue;
      ok(
        await emitWithAck(phone, 'questionnaire:answer', {
          scale: { avis },
          learned: null,
          ageBand: index < 5 ? '26-40' : 'over-75',
          gender: null,
          firstTime: null,
        }),
      );
    }
    return { workshop, ideaIds };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
