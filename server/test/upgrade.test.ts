/**
 * Upgrades (issue 14): fixtures/schema-2026-11 is a database made by Gommette as of commit 75c9e41
 * (2026-11-23; migrations 1, 2, 3, 100, 200, 300, 400) through that version's own server and API
 * (see the fixture's README): a centre with two accounts and a workshop, a free workshop with four
 * phones, three ideas, a closed round and an open one with gommettes, a board, a brief with news.
 * The current server starts on it, applies the later migrations, and everything opens over REST,
 * socket.io and the board's WebSocket. On PostgreSQL, a database at the same old migrations
 * filled with the fixture's rows does the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '@gommette/shared';
import { readBoard } from '@gommette/shared/board';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { run } from '../src/ops/cli';
import { PG_MIGRATIONS } from '../src/store/pg/migrations';
import { openPgStores } from '../src/store/pg/openPgStores';
import { createTestDatabase } from '../src/store/pg/testDatabase';
import { MIGRATIONS } from '../src/store/sqlite/migrations';
import { boardClient, synced, waitFor } from './boardHelpers';
import { Browser } from './centreHelpers';
import { clientId, connect, emitWithAck, removeDataDir, startServer, tempDataDir, type ClientSocket, type TestServer } from './helpers';
import { cast } from './voteFixtures';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/schema-2026-11');
/** The migrations of the version that made the fixture (the same numbers on both adapters). */
const OLD_VERSIONS = [1, 2, 3, 100, 200, 300, 400];

interface Fixture {
  centre: { id: string; admin: string; member: string; password: string };
  workshop: CreateWorkshopResponse;
  centreWorkshop: CreateWorkshopResponse;
  residents: Array<{ token: string; cardCode: string; participantId: string }>;
  ideaIds: string[];
  rounds: { closed: string; open: string; closedGommettes: number; openGommettes: number };
  noteId: string;
  briefId: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'fixture.json'), 'utf8')) as Fixture;
const dataDir = tempDataDir();
const sockets: ClientSocket[] = [];
const closers: Array<{ close(): void }> = [];
let server: TestServer | null = null;
afterAll(async () => {
  for (const socket of sockets) socket.close();
  for (const closer of closers) closer.close();
  await server?.close();
  removeDataDir(dataDir);
});

/** Everything of the fixture opens in the server at `url`, over REST, socket.io and the board's WebSocket. */
async function opensEverything(url: string): Promise<void> {
  const { workshop } = fixture;

  // The console: ideas, the last round and its gommettes.
  const console_ = await connect(url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  sockets.push(console_.socket);
  expect(console_.snapshot.ideas.map((idea) => idea.id).sort()).toEqual([...fixture.ideaIds].sort());
  // A round still open across migration 101 (voters re-keyed) is closed by migration 103; its results stay.
  expect(console_.snapshot.vote?.round).toMatchObject({ id: fixture.rounds.open, status: 'closed' });
  const results = console_.snapshot.vote?.results;
  expect(results?.ranking?.reduce((sum, row) => sum + row.digital, 0) ?? 0).toBe(fixture.rounds.openGommettes);

  // A resident's phone comes back with its old token and writes; the closed round takes no gommette.
  const resident = fixture.residents[0]!;
  const phone = await connect(url, { role: 'participant', token: resident.token });
  sockets.push(phone.socket);
  expect(phone.snapshot.me?.id).toBe(resident.participantId);
  expect(await emitWithAck(phone.socket, 'idea:post', { id: clientId(), text: 'Après la mise à jour' })).toMatchObject({ ok: true });
  expect(await cast(phone.socket, fixture.rounds.open, fixture.ideaIds[1]!)).toMatchObject({ ok: false });
  // The board and its note.
  const board = boardClient(url, workshop.id, workshop.facilitatorToken);
  closers.push(board);
  await synced(board.provider);
  await waitFor(() => readBoard(board.doc).notes.some((note) => note.id === fixture.noteId), 5_000, 'the old board note');

  // The brief over REST, with its news.
  const auth = { authorization: `Bearer ${workshop.facilitatorToken}` };
  const brief = await fetch(`${url}/api/workshops/${workshop.id}/briefs/${fixture.briefId}`, { headers: auth });
  expect(brief.status).toBe(200);
  expect(JSON.stringify(await brief.json())).toContain('Les casiers arrivent en mars');

  // The centre: its member signs in with the old password and sees the centre's workshop,
  // whose helper link (moved into centre_staff_links by migration 301) still opens.
  const member = new Browser(url);
  expect((await member.request('POST', '/api/account/sign-in', { login: fixture.centre.member, password: fixture.centre.password })).status).toBe(200);
  const space = await member.request<{ workshops: Array<{ id: string }> }>('GET', `/api/centres/${fixture.centre.id}`);
  expect(space.status).toBe(200);
  expect(space.body.workshops.map((item) => item.id)).toEqual([fixture.centreWorkshop.id]);
  const centreConsole = await connect(
    url,
    { role: 'facilitator', workshopId: fixture.centreWorkshop.id, token: fixture.centreWorkshop.facilitatorToken },
    { extraHeaders: { cookie: member.cookie! } },
  );
  sockets.push(centreConsole.socket);
  const helper = await connect(url, { role: 'helper', workshopId: fixture.centreWorkshop.id, token: new URL(fixture.centreWorkshop.helperUrl).hash.slice(3) });
  sockets.push(helper.socket);
}

describe('upgrade from the schema of 2026-11', () => {
  it('starts on the old database, migrates it, and workshops, votes, boards, centres and briefs open', { timeout: 60_000 }, async () => {
    fs.writeFileSync(path.join(dataDir, 'gommette.sqlite'), zlib.gunzipSync(fs.readFileSync(path.join(FIXTURE, 'gommette.sqlite.gz'))));
    const lines: string[] = [];
    expect(await run(['verify'], { DATA_DIR: dataDir }, (line) => lines.push(line))).toBe(0);
    const later = MIGRATIONS.map((migration) => migration.version).filter((version) => !OLD_VERSIONS.includes(version));
    expect(later.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain(`migrations ${later.join(', ')} will run at the next start`);

    server = await startServer({ dataDir });
    await opensEverything(server.url);

    // The file now carries every migration.
    lines.length = 0;
    expect(await run(['verify'], { DATA_DIR: dataDir }, (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).not.toContain('will run at the next start');
    expect(lines.join('\n')).toContain('briefs: 1');
  });

  it('on PostgreSQL: a database at the old migrations, filled with the same rows, migrates and opens', { timeout: 90_000 }, async () => {
    const database = await createTestDatabase();
    const pgDataDir = tempDataDir();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      // The old schema: only the migrations the fixture's version had, as applyMigrations records them.
      await admin.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      for (const migration of PG_MIGRATIONS.filter((m) => OLD_VERSIONS.includes(m.version))) {
        await admin.query(migration.sql);
        await admin.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, Date.now()]);
      }
      // The fixture's rows, table by table, in their SQLite order (flags to BOOLEAN, blobs to BYTEA;
      // identity columns left to PostgreSQL); parents come first, so every foreign key is checked.
      const old = new Database(zlib.gunzipSync(fs.readFileSync(path.join(FIXTURE, 'gommette.sqlite.gz'))));
      const tables = (
        old
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY rowid`)
          .all() as Array<{ name: string }>
      ).map((row) => row.name);
      await admin.query('BEGIN');
      let copied = 0;
      for (const table of tables) {
        const columns = new Map(
          (
            await admin.query<{ column_name: string; data_type: string; is_identity: string }>(
              `SELECT column_name, data_type, is_identity FROM information_schema.columns WHERE table_name = $1`,
              [table],
            )
          ).rows.map((row) => [row.column_name, row]),
        );
        expect(columns.size, table).toBeGreaterThan(0);
        const withoutRowid = /WITHOUT ROWID/i.test((old.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(table) as { sql: string }).sql);
        for (const row of old.prepare(`SELECT * FROM "${table}"${withoutRowid ? '' : ' ORDER BY rowid'}`).all() as Array<Record<string, unknown>>) {
          const names = Object.keys(row).filter((name) => columns.get(name) && columns.get(name)!.is_identity !== 'YES');
          const values = names.map((name) => (columns.get(name)!.data_type === 'boolean' && row[name] !== null ? row[name] === 1 : row[name]));
          await admin.query(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, values);
          copied++;
        }
      }
      await admin.query('COMMIT');
      old.close();
      expect(copied).toBeGreaterThan(20);
    } finally {
      await admin.end();
    }

    const config = readConfig({
      HOST: '127.0.0.1',
      DATA_DIR: pgDataDir,
      LOG_LEVEL: 'silent',
      CLIENT_DIR: path.join(pgDataDir, 'no-client'),
      DATABASE_URL: database.url,
    });
    const app = createApp(config, { ...(await openPgStores(database.url)), logger: pino({ level: 'silent' }), cluster: null });
    try {
      const address = await app.listen(0, '127.0.0.1');
      await opensEverything(`http://127.0.0.1:${address.port}`);
      const check = new pg.Client({ connectionString: database.url });
      await check.connect();
      const versions = (await check.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((row) => row.version);
      await check.end();
      expect(versions).toEqual(PG_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    } finally {
      for (const socket of sockets.splice(0)) socket.close();
      for (const closer of closers.splice(0)) closer.close();
      await app.close();
      await database.drop();
      removeDataDir(pgDataDir);
    }
  });
});
