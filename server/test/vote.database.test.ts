import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { VoteErrorCode, type PersonView } from '@gommette/shared';
import { clientId, connect, emitWithAck, removeDataDir, startServer, tempDataDir, type ClientSocket } from './helpers';
import { cast, kioskLinks, kioskToken, ok, openRound, phoneAt, voteRoom } from './voteFixtures';

const dataDir = tempDataDir();
const sockets: ClientSocket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.close();
  removeDataDir(dataDir);
});

/** Every way a careless store could write an id: as it is, or a plain SHA-256 of it (hex, base64, base64url, salted as seats were). */
function plainForms(id: string): string[] {
  const digests = [id, `gommette:seat:${id}`].map((text) => createHash('sha256').update(text).digest());
  return [
    id,
    ...digests.flatMap((digest) => [
      digest.toString('hex'),
      digest.toString('base64'),
      digest.toString('base64url'),
      digest.toString('base64url').slice(0, 22),
    ]),
  ];
}

describe('the database read as an attacker would (issue 20)', () => {
  it('links no gommette to a participant, a seat or a kiosk turn, and dates no gommette', async () => {
    const startedAt = Date.now();
    const server = await startServer({ dataDir });
    let people: PersonView[];
    const participantIds: string[] = [];
    const kioskVoterIds = [clientId(), clientId()];
    try {
      const room = await voteRoom(server.url, sockets, 3);
      const round = await openRound(room, { budget: 2 });
      const phones = [{ socket: room.author.socket, participantId: room.author.participantId }];
      for (const site of [0, 1, 2]) phones.push(await phoneAt(server.url, room.workshop.sites[site]!.joinCode, sockets));
      participantIds.push(...phones.map((phone) => phone.participantId));
      const firstGommettes: string[] = [];
      for (const [index, phone] of phones.entries()) {
        const id = clientId();
        firstGommettes.push(id);
        ok(await cast(phone.socket, round.id, room.ideaIds[index % 3]!, id));
        ok(await cast(phone.socket, round.id, room.ideaIds[(index + 1) % 3]!));
      }
      // The server finds each voter again under their key: the budget holds and a take-back works.
      expect(await cast(phones[1]!.socket, round.id, room.ideaIds[2]!)).toMatchObject({ ok: false, code: VoteErrorCode.BudgetSpent });
      ok(await emitWithAck(phones[1]!.socket, 'vote:takeBack', { id: clientId(), roundId: round.id, gommetteId: firstGommettes[1] }));
      ok(await cast(phones[1]!.socket, round.id, room.ideaIds[0]!));
      // A phone coming back finds its own gommettes in its snapshot.
      const back = await connect(server.url, { role: 'participant', token: room.author.token });
      sockets.push(back.socket);
      expect(back.snapshot.vote?.mine?.gommettes).toHaveLength(2);

      const links = await kioskLinks(server.url, room.workshop);
      const kiosk = await connect(server.url, { role: 'kiosk', workshopId: room.workshop.id, token: kioskToken(links[1]!) });
      sockets.push(kiosk.socket);
      for (const voterId of kioskVoterIds) {
        ok(await emitWithAck(kiosk.socket, 'kiosk:next', { voterId }));
        ok(await cast(kiosk.socket, round.id, room.ideaIds[1]!, clientId(), voterId));
        ok(await cast(kiosk.socket, round.id, room.ideaIds[2]!, clientId(), voterId));
        expect(await cast(kiosk.socket, round.id, room.ideaIds[0]!, clientId(), voterId)).toMatchObject({ ok: false, code: VoteErrorCode.BudgetSpent });
      }
      people = ok<PersonView[]>(await emitWithAck(room.facilitator.socket, 'participants:list', {}));
    } finally {
      for (const socket of sockets.splice(0)) socket.close();
      await server.close();
    }
    const seatIds = people.map((person) => person.seatId);
    expect(seatIds).toHaveLength(participantIds.length);
    // Seat ids are keyed: not a plain hash of a participant id.
    for (const participantId of participantIds) for (const seatId of seatIds) expect(plainForms(participantId)).not.toContain(seatId);

    const db = new Database(path.join(dataDir, 'gommette.sqlite'), { readonly: true });
    try {
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((row) => row.name);
      const valuesOf = (table: string) => (db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>).flatMap((row) => Object.values(row));
      const gommettes = db.prepare('SELECT * FROM vote_gommettes').all() as Array<Record<string, unknown>>;
      expect(gommettes).toHaveLength(participantIds.length * 2 + 1 + kioskVoterIds.length * 2);
      const gommetteValues = gommettes.flatMap((row) => Object.values(row)).map(String);

      // No gommette column holds a participant id, a kiosk turn or a seat id, as it is or plainly hashed.
      const secrets = [...participantIds, ...kioskVoterIds, ...seatIds].flatMap(plainForms);
      for (const value of gommetteValues) for (const secret of secrets) expect(value.includes(secret), `${value} holds ${secret}`).toBe(false);

      // No other table holds a gommette's voter key: nothing joins it back to a person or a turn.
      const voterKeys = new Set(gommettes.map((row) => String(row.voter_id)));
      expect(voterKeys.size).toBe(participantIds.length + kioskVoterIds.length);
      for (const table of tables.filter((name) => name !== 'vote_gommettes')) {
        for (const value of valuesOf(table)) expect(voterKeys.has(String(value)), `${table} holds a voter key`).toBe(false);
      }
      // Seat ids are stored nowhere.
      for (const table of tables) for (const value of valuesOf(table).map(String)) for (const seatId of seatIds) expect(value.includes(seatId)).toBe(false);

      // No time on a gommette, and kiosk turns keep the hour only.
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('vote_gommettes')`).all() as Array<{ name: string }>).map((row) => row.name);
      expect(columns.filter((name) => /_at$|time|date|seq/i.test(name))).toEqual([]);
      for (const value of gommettes.flatMap((row) => Object.values(row))) {
        if (typeof value === 'number') expect(value >= startedAt - 3_600_000 && value <= Date.now() + 3_600_000).toBe(false);
      }
      const turns = db.prepare('SELECT created_at FROM vote_kiosk_voters').all() as Array<{ created_at: number }>;
      expect(turns).toHaveLength(kioskVoterIds.length);
      for (const turn of turns) expect(turn.created_at % 3_600_000).toBe(0);
    } finally {
      db.close();
    }
  });
});
