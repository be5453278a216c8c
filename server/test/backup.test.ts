/**
 * Backups that restore (issue 14): `npm run backup` (scripts/gommette.mjs, the compiled CLI) copies
 * the SQLite database while 50 phones post ideas and cast gommettes on a live server; `npm run
 * restore` puts the copy and the sealing key in a new DATA_DIR; a server started on it has every
 * idea and gommette acked before the backup began, each once. `verify` reports counts, and
 * `restore` refuses to replace a database without --force.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { clientId, connect, emitWithAck, removeDataDir, startServer, tempDataDir, type ClientSocket, type TestServer } from './helpers';
import { cast, openRound, phoneAt, voteRoom, type Connected } from './voteFixtures';
import { SEALING_KEY_FILE } from '../src/security/sealed';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'scripts/gommette.mjs');
const PHONES = 50;
const IDEAS_PER_PHONE = 8;
const GOMMETTES_PER_PHONE = 20;
const run = promisify(execFile);

function gommette(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dirs: string[] = [];
const sockets: ClientSocket[] = [];
let restored: TestServer | null = null;
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await restored?.close();
  for (const dir of dirs) removeDataDir(dir);
});

describe('npm run backup / restore / verify', () => {
  it('backs up during a vote at 50 phones; the restored copy has every idea and gommette acked before, once', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir();
    const backupDir = tempDataDir();
    const newDataDir = tempDataDir();
    dirs.push(dataDir, backupDir, newDataDir);
    const live = await startServer({ dataDir });
    const room = await voteRoom(live.url, sockets, 5);
    const round = await openRound(room, { budget: GOMMETTES_PER_PHONE, stacking: true });
    const phones: Connected[] = [];
    for (let index = 0; index < PHONES; index++) phones.push(await phoneAt(live.url, room.workshop.sites[index % 3]!.joinCode, sockets));

    // Every phone writes ideas and casts gommettes with short pauses; each ack is recorded as it arrives.
    const ackedIdeas = new Set<string>();
    const ackedGommettes = new Set<string>();
    const refused: string[] = [];
    const writes = phones.map(async (phone, index) => {
      await sleep(index * 7);
      let ideas = 0;
      for (let step = 0; step < IDEAS_PER_PHONE + GOMMETTES_PER_PHONE; step++) {
        const id = clientId();
        const isIdea = step % 3 === 1 && ideas < IDEAS_PER_PHONE;
        if (isIdea) ideas++;
        const ack = (
          isIdea
            ? await emitWithAck(phone.socket, 'idea:post', { id, text: `Idée ${index}-${step}` }, 10_000)
            : await cast(phone.socket, round.id, room.ideaIds[(index + step) % room.ideaIds.length]!, id)
        ) as { ok: boolean; code?: string };
        if (ack.ok) (isIdea ? ackedIdeas : ackedGommettes).add(id);
        else refused.push(ack.code ?? 'unknown');
        await sleep(20 + (index % 5) * 10);
      }
    });

    // Mid-vote: what was acked before the backup starts must be in it.
    while (ackedGommettes.size < (PHONES * GOMMETTES_PER_PHONE) / 3) await sleep(10);
    const ideasBefore = new Set(ackedIdeas);
    const gommettesBefore = new Set(ackedGommettes);
    const backup = await gommette(['backup'], { DATA_DIR: dataDir, BACKUP_DIR: backupDir });
    const ideasAfterBackup = ackedIdeas.size;
    const gommettesAfterBackup = ackedGommettes.size;
    await Promise.all(writes);
    expect(refused).toEqual([]);
    // The backup really ran while phones kept writing.
    expect(ackedGommettes.size).toBeGreaterThan(gommettesBefore.size);
    expect(gommettesAfterBackup + ideasAfterBackup).toBeLessThan(ackedGommettes.size + ackedIdeas.size);
    expect(backup.stdout).toContain('verdict: ok');
    expect(backup.stdout).toContain(path.join(dataDir, SEALING_KEY_FILE));
    const [file] = fs.readdirSync(backupDir).filter((name) => /^gommette-\d{4}-\d\d-\d\dT[\d-]+Z\.sqlite$/.test(name));
    expect(file).toBeDefined();
    const backupFile = path.join(backupDir, file!);
    expect(fs.statSync(backupFile).mode & 0o077).toBe(0);
    for (const socket of sockets.splice(0)) socket.close();
    await live.close();

    // verify: integrity, schema and counts of the backup.
    const verified = await gommette(['verify', backupFile], { DATA_DIR: dataDir });
    expect(verified.stdout).toContain('integrity: ok');
    expect(verified.stdout).toMatch(/schema: \d+ migrations, latest \d+/);
    expect(verified.stdout).toMatch(/workshops: 1\n/);

    // restore into a new DATA_DIR, with the sealing key kept apart.
    const restore = await gommette(['restore', backupFile, '--key', path.join(dataDir, SEALING_KEY_FILE)], { DATA_DIR: newDataDir });
    expect(restore.stdout).toContain('verdict: ok');
    expect(fs.readFileSync(path.join(newDataDir, SEALING_KEY_FILE), 'utf8')).toBe(fs.readFileSync(path.join(dataDir, SEALING_KEY_FILE), 'utf8'));
    // A second restore over it is refused without --force.
    await expect(gommette(['restore', backupFile], { DATA_DIR: newDataDir })).rejects.toMatchObject({ stderr: expect.stringContaining('--force') });

    const db = new Database(path.join(newDataDir, 'gommette.sqlite'), { readonly: true });
    const ideaIds = (db.prepare('SELECT id FROM ideas').all() as Array<{ id: string }>).map((row) => row.id);
    const gommetteIds = (db.prepare('SELECT id FROM vote_gommettes').all() as Array<{ id: string }>).map((row) => row.id);
    db.close();
    expect(new Set(ideaIds).size).toBe(ideaIds.length);
    expect(new Set(gommetteIds).size).toBe(gommetteIds.length);
    for (const id of ideasBefore) expect(ideaIds).toContain(id);
    for (const id of gommettesBefore) expect(gommetteIds).toContain(id);
    // Nothing that was never acked: the author's 5 ideas plus acked ones only.
    expect(ideaIds.length).toBeLessThanOrEqual(ackedIdeas.size + room.ideaIds.length);
    expect(gommetteIds.length).toBeLessThanOrEqual(ackedGommettes.size);
    expect(gommetteIds.length).toBeGreaterThanOrEqual(gommettesBefore.size);

    // The restored data opens in a server: the console sees the ideas and the round's totals.
    restored = await startServer({ dataDir: newDataDir });
    const console_ = await connect(restored.url, { role: 'facilitator', workshopId: room.workshop.id, token: room.workshop.facilitatorToken });
    sockets.push(console_.socket);
    expect(new Set(console_.snapshot.ideas.map((idea) => idea.id))).toEqual(new Set(ideaIds));
    expect(console_.snapshot.vote?.round?.id).toBe(round.id);
    const totals = console_.snapshot.vote?.results?.ranking?.reduce((sum, row) => sum + row.digital, 0);
    expect(totals).toBe(gommetteIds.length);
    // A phone of the backup reconnects with its token and can still write.
    const author = await connect(restored.url, { role: 'participant', token: room.author.token });
    sockets.push(author.socket);
    expect(await emitWithAck(author.socket, 'idea:post', { id: clientId(), text: 'Après la restauration' })).toMatchObject({ ok: true });
  });
});
