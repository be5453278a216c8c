import path from 'node:path';
import { pino } from 'pino';
import type { AccountView, CreateWorkshopResponse } from '@gommette/shared';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { openSqliteStores } from '../src/store/sqlite/openSqliteStores';
import { removeDataDir, tempDataDir, type TestServer } from './helpers';

/** A test server whose clock the test moves (retention), on its own SQLite file. */
export async function startClockedServer(options: { dataDir?: string; clock?: { now: number } } = {}): Promise<TestServer & { clock: { now: number } }> {
  const dataDir = options.dataDir ?? tempDataDir();
  const clock = options.clock ?? { now: Date.now() };
  const config = readConfig({ HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR: path.join(dataDir, 'no-client') });
  const stores = openSqliteStores(path.join(dataDir, 'gommette.sqlite'));
  const app = createApp(config, { ...stores, logger: pino({ level: 'silent' }), now: () => clock.now });
  const address = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    dataDir,
    clock,
    close: async () => {
      await app.close();
      if (options.dataDir === undefined) removeDataDir(dataDir);
    },
  };
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
