/**
 * The facilitator's English and Arabic versions of what they wrote (`room:translate`), over a real
 * socket.io client, on both adapters: validation at the edge, the size of the original field, an
 * ack only once durable, and what each role receives.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  MAX_PHASE_TITLE_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_TRANSLATION_WIRE_UNITS,
  type JoinInfo,
  type PhaseSpec,
  type RoomView,
} from '@gommette/shared';
import { createTestDatabase } from '../src/store/pg/testDatabase';
import { openPgStores } from '../src/store/pg/openPgStores';
import { openSqliteStores } from '../src/store/sqlite/openSqliteStores';
import type { Stores } from '../src/store/stores';
import { connect, createWorkshop, emitWithAck, joinAs, nextEventWhere, startServer, type ClientSocket, type TestServer } from './helpers';

const QUESTION = 'Comment aider les personnes sans abri dans leur quotidien ?';
const PURPOSE = 'Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social.';
const phases: PhaseSpec[] = [
  { id: 'accueil', title: 'Accueil', instruction: 'Choisis ta météo.', activity: 'welcome', durationSec: 300, silentSec: 0 },
  { id: 'idees', title: 'Idées', instruction: 'Écris une idée secrète par message.', activity: 'ideas', durationSec: 600, silentSec: 0 },
];

type Adapter = 'sqlite' | 'postgresql';

describe.each<Adapter>(['sqlite', 'postgresql'])('room:translate on %s', (adapter) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
  let server: TestServer;
  const sockets: ClientSocket[] = [];
  const opened: Stores[] = [];

  beforeAll(async () => {
    if (adapter === 'postgresql') database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server.close();
    for (const stores of opened.splice(0)) await stores.store.close();
  });

  async function start(): Promise<void> {
    if (adapter === 'sqlite') {
      server = await startServer();
      return;
    }
    const pgStores = await openPgStores(database!.url);
    server = await startServer({
      wrapStores: (sqlite) => {
        void sqlite.store.close();
        return pgStores;
      },
    });
  }

  /** Another connection to the same database: what it reads was committed. */
  async function readBack(): Promise<Stores> {
    const stores = adapter === 'sqlite' ? openSqliteStores(path.join(server.dataDir, 'gommette.sqlite')) : await openPgStores(database!.url);
    opened.push(stores);
    return stores;
  }

  async function facilitatorOf() {
    const workshop = await createWorkshop(server.url, ['Centre social'], { phases });
    const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    sockets.push(facilitator.socket);
    return { workshop, facilitator: facilitator.socket };
  }

  it('refuses what is not a text of the workshop, another language, a version too long, and anyone but the facilitator', async () => {
    await start();
    const { workshop, facilitator } = await facilitatorOf();
    const refused = (payload: unknown) => emitWithAck(facilitator, 'room:translate', payload);
    expect(await refused({ source: 'Une question inventée', lang: 'ar', text: 'سؤال' })).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    expect(await refused({ source: QUESTION, lang: 'de', text: 'Wie helfen?' })).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    expect(await refused({ source: QUESTION, lang: 'en' })).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    expect(await refused({ source: '', lang: 'en', text: 'x' })).toMatchObject({ ok: false });
    // The original field's size: a step title's version is held to a step title's limit…
    expect(await refused({ source: 'Idées', lang: 'en', text: 'a'.repeat(MAX_PHASE_TITLE_CHARS + 1) })).toMatchObject({ ok: false, code: ErrorCode.TooLarge });
    expect(await refused({ source: 'Idées', lang: 'en', text: `  ${'a'.repeat(MAX_PHASE_TITLE_CHARS)}  ` })).toMatchObject({ ok: true });
    // …the purpose's to the purpose's, and nothing passes the wire bound.
    expect(await refused({ source: PURPOSE, lang: 'en', text: 'b'.repeat(MAX_PURPOSE_CHARS) })).toMatchObject({ ok: true });
    expect(await refused({ source: PURPOSE, lang: 'en', text: 'b'.repeat(MAX_PURPOSE_CHARS + 1) })).toMatchObject({ ok: false, code: ErrorCode.TooLarge });
    expect(await refused({ source: PURPOSE, lang: 'en', text: 'b'.repeat(MAX_TRANSLATION_WIRE_UNITS + 1) })).toMatchObject({ ok: false });

    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(phone.socket);
    expect(await emitWithAck(phone.socket, 'room:translate', { source: QUESTION, lang: 'ar', text: 'كيف نساعد؟' })).toMatchObject({
      ok: false,
      code: ErrorCode.Forbidden,
    });
    const stored = await (await readBack()).store.getRoom(workshop.id);
    expect(stored?.translations.ar).toEqual({});

    // Limited like every staff command (60 per 10 s per link).
    const burst = await Promise.all(Array.from({ length: 60 }, () => refused({ source: QUESTION, lang: 'en', text: 'How can we help?' })));
    expect(burst.filter((reply) => (reply as { code?: string }).code === ErrorCode.RateLimited).length).toBeGreaterThan(0);
    expect(stored?.translations.en).toEqual({ Idées: 'a'.repeat(MAX_PHASE_TITLE_CHARS), [PURPOSE]: 'b'.repeat(MAX_PURPOSE_CHARS) });
  });

  it('acks once stored, normalised; phones get the versions they may read, an instruction only once its step started', async () => {
    await start();
    const { workshop, facilitator } = await facilitatorOf();
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(phone.socket);

    const phoneSees = nextEventWhere(phone.socket, 'room:changed', (room) => room.translations.ar[QUESTION] !== undefined);
    const ack = (await emitWithAck(facilitator, 'room:translate', { source: QUESTION, lang: 'ar', text: '  كيف نساعد الأشخاص   بلا مأوى؟ ' })) as {
      ok: true;
      data: RoomView;
    };
    expect(ack).toMatchObject({ ok: true });
    expect(ack.data.translations.ar[QUESTION]).toBe('كيف نساعد الأشخاص بلا مأوى؟');
    // Durable: another connection to the database reads it right after the ack.
    expect((await (await readBack()).store.getRoom(workshop.id))?.translations.ar[QUESTION]).toBe('كيف نساعد الأشخاص بلا مأوى؟');
    expect((await phoneSees).translations.ar[QUESTION]).toBe('كيف نساعد الأشخاص بلا مأوى؟');

    const secret = 'Écris une idée secrète par message.';
    expect(await emitWithAck(facilitator, 'room:translate', { source: secret, lang: 'en', text: 'Write one secret idea per message.' })).toMatchObject({
      ok: true,
    });
    // The join page gets the versions of the title, question and purpose, not the steps'.
    const info = (await (await fetch(`${server.url}/api/join/${workshop.sites[0]!.joinCode}`)).json()) as JoinInfo;
    expect(info.translations).toEqual({ en: {}, ar: { [QUESTION]: 'كيف نساعد الأشخاص بلا مأوى؟' } });

    // A phone (re)connecting: the question's version, not yet the hidden instruction's.
    const again = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(again.socket);
    expect(again.snapshot.room.translations.ar[QUESTION]).toBe('كيف نساعد الأشخاص بلا مأوى؟');
    expect(again.snapshot.room.translations.en[secret]).toBeUndefined();
    const screen = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    sockets.push(screen.socket);
    expect(screen.snapshot.room.translations.en[secret]).toBeUndefined();
    const staff = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    sockets.push(staff.socket);
    expect(staff.snapshot.room.translations.en[secret]).toBe('Write one secret idea per message.');

    const revealed = nextEventWhere(again.socket, 'room:changed', (room) => room.translations.en[secret] !== undefined);
    await emitWithAck(facilitator, 'run:control', { action: 'goto', from: 0, phaseIndex: 1 });
    await emitWithAck(facilitator, 'run:control', { action: 'start', from: 1 });
    expect((await revealed).phases[1]!.instruction).toBe(secret);

    // An empty version removes it; a text the workshop no longer has loses its versions.
    expect(await emitWithAck(facilitator, 'room:translate', { source: QUESTION, lang: 'ar', text: '   ' })).toMatchObject({ ok: true });
    const renamed = phases.map((phase) => (phase.id === 'idees' ? { ...phase, instruction: 'Écris autre chose.' } : phase));
    expect(await emitWithAck(facilitator, 'room:update', { phases: renamed })).toMatchObject({ ok: true });
    expect(await emitWithAck(facilitator, 'room:translate', { source: 'Accueil', lang: 'ar', text: 'الاستقبال' })).toMatchObject({ ok: true });
    const room = await (await readBack()).store.getRoom(workshop.id);
    expect(room?.translations).toEqual({ en: {}, ar: { Accueil: 'الاستقبال' } });
  });
});
