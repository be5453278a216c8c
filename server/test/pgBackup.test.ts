/**
 * PostgreSQL backups (issue 14, docs/operating.md): `pg_dump --format=custom` of the database of a
 * live workshop (sockets connected, a vote open, a board edited) restored with `pg_restore
 * --no-owner` into an empty database opens in a new server: ideas, the round and its totals, the
 * board, and a phone's token still works. Debian's postgresql (installed by the global setup)
 * brings pg_dump and pg_restore of the server's own version.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { addNote, applyJourneyTemplate, readBoard } from '@gommette/shared/board';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { openPgStores } from '../src/store/pg/openPgStores';
import { createTestDatabase } from '../src/store/pg/testDatabase';
import { boardClient, synced, waitFor } from './boardHelpers';
import { clientId, connect, emitWithAck, removeDataDir, tempDataDir, type ClientSocket } from './helpers';
import { cast, ok, openRound, phoneAt, voteRoom } from './voteFixtures';

const run = promisify(execFile);

/** The client tools of the newest PostgreSQL Debian installed, else those on PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((major) => fs.existsSync(path.join(root, major, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return majors[0] ? path.join(root, majors[0], 'bin', name) : name;
}

async function startPgServer(databaseUrl: string, dataDir: string, sealingKey: string) {
  const config = readConfig({
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CLIENT_DIR: path.join(dataDir, 'no-client'),
    SEALING_KEY: sealingKey,
    DATABASE_URL: databaseUrl,
  });
  const stores = await openPgStores(databaseUrl);
  const app = createApp(config, { ...stores, logger: pino({ level: 'silent' }), cluster: null });
  const address = await app.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('pg_dump / pg_restore', () => {
  it('a dump of a live workshop restores into a working server', { timeout: 90_000 }, async () => {
    const sealingKey = randomBytes(32).toString('base64url');
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    cleanups.push(
      () => source.drop(),
      () => target.drop(),
    );
    const dataDir = tempDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const sockets: ClientSocket[] = [];
    cleanups.push(() => sockets.forEach((socket) => socket.close()));

    const live = await startPgServer(source.url, dataDir, sealingKey);
    cleanups.push(() => live.close());
    const room = await voteRoom(live.url, sockets, 3);
    const round = await openRound(room, { budget: 5, stacking: true });
    let acked = 0;
    for (let index = 0; index < 6; index++) {
      const phone = await phoneAt(live.url, room.workshop.sites[index % 3]!.joinCode, sockets);
      for (let vote = 0; vote < 3; vote++) {
        ok(await cast(phone.socket, round.id, room.ideaIds[(index + vote) % 3]!));
        acked++;
      }
    }
    const board = boardClient(live.url, room.workshop.id, room.workshop.facilitatorToken);
    cleanups.push(() => board.close());
    await synced(board.provider);
    applyJourneyTemplate(board.doc);
    addNote(board.doc, {
      id: 'note-dump',
      text: 'Une douche chaude',
      siteId: room.workshop.sites[0]!.id,
      placement: { kind: 'cell', stepId: 'step-wake', rowId: 'row-needs' },
      order: 1,
    });
    // The board is saved debounced (BOARD_SAVE_DEBOUNCE_MS): wait until its rows are in PostgreSQL.
    const probe = new pg.Client({ connectionString: source.url });
    await probe.connect();
    const started = Date.now();
    while (Number((await probe.query('SELECT COUNT(*) AS n FROM board_updates')).rows[0].n) === 0) {
      if (Date.now() - started > 10_000) throw new Error('the board was not saved');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await probe.end();

    // The dump is taken while the server runs and its sockets stay connected.
    const dumpFile = path.join(dataDir, 'gommette.dump');
    await run(pgTool('pg_dump'), ['--format=custom', `--file=${dumpFile}`, source.url]);
    await run(pgTool('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, dumpFile]);

    const restored = await startPgServer(target.url, dataDir, sealingKey);
    cleanups.push(() => restored.close());
    const console_ = await connect(restored.url, { role: 'facilitator', workshopId: room.workshop.id, token: room.workshop.facilitatorToken });
    sockets.push(console_.socket);
    expect(console_.snapshot.ideas.map((idea) => idea.id).sort()).toEqual([...room.ideaIds].sort());
    expect(console_.snapshot.vote?.round?.id).toBe(round.id);
    const results = console_.snapshot.vote?.results;
    expect(results?.ranking?.reduce((sum, row) => sum + row.digital, 0) ?? 0).toBe(acked);

    const restoredBoard = boardClient(restored.url, room.workshop.id, room.workshop.facilitatorToken);
    cleanups.push(() => restoredBoard.close());
    await synced(restoredBoard.provider);
    await waitFor(() => readBoard(restoredBoard.doc).notes.some((note) => note.id === 'note-dump'), 5_000, 'the board note after restore');

    const author = await connect(restored.url, { role: 'participant', token: room.author.token });
    sockets.push(author.socket);
    expect(await emitWithAck(author.socket, 'idea:post', { id: clientId(), text: 'Après la restauration' })).toMatchObject({ ok: true });
  });
});
