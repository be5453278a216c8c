/**
 * The behaviour every WorkshopStore adapter must have. Each adapter's test file calls
 * `workshopStoreContract` with a factory; the same assertions then run against SQLite and
 * PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, initialRoom, type Idea, type Site } from '@gommette/shared';
import { UniqueViolationError, type ParticipantRecord, type WorkshopRecord, type WorkshopStore } from './WorkshopStore';

export interface StoreFixture {
  store: WorkshopStore;
  /** Closes and opens the same storage again, as a restarted process would. */
  reopen: () => Promise<WorkshopStore>;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36).padStart(4, '0')}`;

function workshopRecord(): { workshop: WorkshopRecord; sites: Site[] } {
  const id = unique('w');
  return {
    workshop: {
      id,
      title: 'Atelier',
      question: 'Comment ?',
      purpose: 'Choisir une invention',
      createdAt: 1_000,
      facilitatorTokenHash: unique('f'),
      screenTokenHash: unique('s'),
      helperTokenHash: unique('h'),
      observerTokenHash: unique('o'),
    },
    sites: [
      { id: unique('site'), workshopId: id, name: 'Centre social', joinCode: unique('J'), position: 0 },
      { id: unique('site'), workshopId: id, name: 'Maison du quartier', joinCode: unique('K'), position: 1 },
    ],
  };
}

function participantRecord(workshopId: string, siteId: string, mood: ParticipantRecord['mood'] = 'sunny'): ParticipantRecord {
  return { id: unique('p'), workshopId, siteId, cardHash: unique('card'), nickname: null, mood, createdAt: 2_000, kind: 'resident', tableId: null };
}

function ideaRecord(participant: ParticipantRecord, text: string, createdAt: number): Idea {
  return {
    id: unique('idea'),
    workshopId: participant.workshopId,
    siteId: participant.siteId,
    participantId: participant.id,
    text,
    hidden: false,
    createdAt,
    tableId: participant.tableId,
    phaseId: null,
    origin: 'phone',
    originalText: null,
    pending: false,
    parked: false,
    mergedInto: null,
    theme: null,
  };
}

export function workshopStoreContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`WorkshopStore contract: ${name}`, () => {
    const open: WorkshopStore[] = [];
    async function fixture(): Promise<StoreFixture> {
      const made = await makeFixture();
      open.push(made.store);
      return made;
    }
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    it('creates a workshop with its sites and finds them by id and join code', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      expect(await store.getWorkshop(workshop.id)).toEqual(workshop);
      expect(await store.listSites(workshop.id)).toEqual(sites);
      expect(await store.getSiteByJoinCode(sites[1]!.joinCode)).toEqual(sites[1]);
      expect(await store.getWorkshop('missing')).toBeNull();
      expect(await store.getSiteByJoinCode('NOPE')).toBeNull();
    });

    it('refuses a taken join code with UniqueViolationError and writes nothing of that workshop', async () => {
      const { store } = await fixture();
      const first = workshopRecord();
      await store.createWorkshop(first.workshop, first.sites, initialRoom([]));
      const second = workshopRecord();
      const clash = [second.sites[0]!, { ...second.sites[1]!, joinCode: first.sites[0]!.joinCode }];
      await expect(store.createWorkshop(second.workshop, clash, initialRoom([]))).rejects.toBeInstanceOf(UniqueViolationError);
      expect(await store.getWorkshop(second.workshop.id)).toBeNull();
    });

    it('finds participants by device token and by card, with several devices each', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const participant = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(participant, 'token-a');
      await store.addParticipantToken(participant.id, 'token-b');
      expect(await store.getParticipantByTokenHash('token-a')).toEqual(participant);
      expect(await store.getParticipantByTokenHash('token-b')).toEqual(participant);
      expect(await store.getParticipantByCardHash(participant.cardHash)).toEqual(participant);
      expect(await store.getParticipantByTokenHash('token-c')).toBeNull();
      await expect(store.addParticipantToken(participant.id, 'token-a')).rejects.toBeInstanceOf(UniqueViolationError);
    });

    it('counts participants per site and mood without naming anyone', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      await store.createParticipant(participantRecord(workshop.id, sites[0]!.id, 'sunny'), unique('t'));
      await store.createParticipant(participantRecord(workshop.id, sites[0]!.id, 'rainy'), unique('t'));
      await store.createParticipant(participantRecord(workshop.id, sites[1]!.id, 'sunny'), unique('t'));
      expect(await store.countParticipants(workshop.id)).toEqual({
        total: 3,
        bySite: { [sites[0]!.id]: 2, [sites[1]!.id]: 1 },
        byTable: {},
        assisted: 0,
        returning: 0,
        moods: { sunny: 2, partly: 0, cloudy: 0, rainy: 1, stormy: 0 },
      });
    });

    it('keeps only a returning yes/no per participant, counted with the others', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const back = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(back, unique('t'), { returning: true });
      await store.createParticipant(participantRecord(workshop.id, sites[0]!.id), unique('t'), { returning: false });
      await store.createParticipant(participantRecord(workshop.id, sites[1]!.id), unique('t'));
      expect(await store.countParticipants(workshop.id)).toMatchObject({ total: 3, returning: 1 });
      // The record read back is the one written: no old card, no other participant's id.
      expect(await store.getParticipant(back.id)).toEqual(back);
    });

    it('inserts an idea once: a second insert with the same id returns the stored one', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const participant = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(participant, unique('t'));
      const idea = ideaRecord(participant, 'Manger chaud', 5_000);
      expect(await store.insertIdea(idea)).toEqual({ inserted: true, idea });
      expect(await store.insertIdea({ ...idea, text: 'Autre texte', createdAt: 9_000 })).toEqual({ inserted: false, idea });
      expect(await store.listIdeas(workshop.id)).toEqual([idea]);
      expect(await store.getIdea(idea.id)).toEqual(idea);
    });

    it('inserts a burst of ideas each once: a copy in the same burst or of a stored idea gets the stored one, a refused one fails alone', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const participant = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(participant, unique('t'));
      const stored = ideaRecord(participant, 'Déjà là', 1_000);
      await store.insertIdea(stored);
      const burst = Array.from({ length: 40 }, (_, i) => ideaRecord(participant, `Idée ${i}`, 2_000 + i));
      const ghost = ideaRecord({ ...participant, id: unique('nobody') }, 'Sans auteur', 3_000);
      const results = await Promise.allSettled([
        ...burst.map((idea) => store.insertIdea(idea)),
        store.insertIdea({ ...burst[3]!, text: 'Copie' }),
        store.insertIdea({ ...stored, text: 'Copie' }),
        store.insertIdea(ghost),
      ]);
      expect(results.slice(0, 42)).toEqual([
        ...burst.map((idea) => ({ status: 'fulfilled', value: { inserted: true, idea } })),
        { status: 'fulfilled', value: { inserted: false, idea: burst[3] } },
        { status: 'fulfilled', value: { inserted: false, idea: stored } },
      ]);
      expect(results[42]!.status).toBe('rejected');
      expect(await store.listIdeas(workshop.id)).toEqual([stored, ...burst]);
    });

    it('lists ideas in posting order and hides them only within their workshop', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      const other = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      await store.createWorkshop(other.workshop, other.sites, initialRoom([]));
      const participant = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(participant, unique('t'));
      const late = ideaRecord(participant, 'Deuxième', 8_000);
      const early = ideaRecord(participant, 'Première', 7_000);
      await store.insertIdea(late);
      await store.insertIdea(early);
      expect((await store.listIdeas(workshop.id)).map((idea) => idea.text)).toEqual(['Première', 'Deuxième']);

      expect(await store.countVisibleIdeas(workshop.id)).toBe(2);

      expect(await store.setIdeaHidden(other.workshop.id, early.id, true)).toBeNull();
      expect(await store.setIdeaHidden(workshop.id, early.id, true)).toEqual({ ...early, hidden: true });
      expect(await store.setIdeaHidden(workshop.id, 'missing', true)).toBeNull();
      expect(await store.listIdeas(other.workshop.id)).toEqual([]);
      expect(await store.countVisibleIdeas(workshop.id)).toBe(1);
      expect(await store.countVisibleIdeas(other.workshop.id)).toBe(0);
    });

    it("lists one participant's own ideas, hidden ones included", async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const alice = participantRecord(workshop.id, sites[0]!.id);
      const bob = participantRecord(workshop.id, sites[1]!.id);
      await store.createParticipant(alice, unique('t'));
      await store.createParticipant(bob, unique('t'));
      const first = ideaRecord(alice, 'Une', 1_000);
      const second = ideaRecord(alice, 'Deux', 2_000);
      await store.insertIdea(second);
      await store.insertIdea(ideaRecord(bob, 'Pas à elle', 1_500));
      await store.insertIdea(first);
      await store.setIdeaHidden(workshop.id, second.id, true);
      expect(await store.listIdeasBy(alice.id)).toEqual([first, { ...second, hidden: true }]);
    });

    it('keeps everything after closing and opening again', async () => {
      const { store, reopen } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const participant = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(participant, 'device');
      const idea = ideaRecord(participant, 'Un endroit au sec', 3_000);
      await store.insertIdea(idea);
      await store.close();
      const again = await reopen();
      open.push(again);
      expect(await again.getWorkshop(workshop.id)).toEqual(workshop);
      expect(await again.getParticipantByTokenHash('device')).toEqual(participant);
      expect(await again.listIdeas(workshop.id)).toEqual([idea]);
      await again.ping();
    });

    it('saves the room only over the version it was read at (two consoles)', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      const room = initialRoom(BUILT_IN_TEMPLATES[1]!.phases);
      await store.createWorkshop(workshop, sites, room);
      expect(await store.getRoom(workshop.id)).toEqual(room);
      const first = { ...room, version: 1, tableCount: 3 };
      expect(await store.saveRoom(workshop.id, first)).toBe(true);
      expect(await store.saveRoom(workshop.id, { ...room, version: 1, safeMode: true })).toBe(false);
      expect(await store.getRoom(workshop.id)).toEqual(first);
      expect(await store.getRoom('missing')).toBeNull();
    });

    it('seats people at tables, counts them per table, and keeps paper post-its out of the people', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      const other = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      await store.createWorkshop(other.workshop, other.sites, initialRoom([]));
      const a = participantRecord(workshop.id, sites[0]!.id);
      const b = { ...participantRecord(workshop.id, sites[1]!.id), kind: 'assisted' as const };
      const stranger = participantRecord(other.workshop.id, other.sites[0]!.id);
      for (const person of [a, b, stranger]) await store.createParticipant(person, unique('t'));
      await store.setParticipantTables(workshop.id, [
        { participantId: a.id, tableId: 2 },
        { participantId: b.id, tableId: 2 },
        { participantId: stranger.id, tableId: 1 },
      ]);
      expect((await store.getParticipant(a.id))?.tableId).toBe(2);
      expect((await store.getParticipant(stranger.id))?.tableId).toBeNull();
      const paper = await store.ensurePaperAuthor(workshop.id, sites[0]!.id, 5);
      expect(await store.ensurePaperAuthor(workshop.id, sites[0]!.id, 6)).toEqual(paper);
      expect(paper.kind).toBe('paper');
      expect((await store.listParticipants(workshop.id)).map((p) => p.id)).toEqual([a.id, b.id]);
      expect(await store.listRoster(workshop.id)).toEqual([
        { id: a.id, siteId: a.siteId, tableId: 2, kind: a.kind },
        { id: b.id, siteId: b.siteId, tableId: 2, kind: b.kind },
      ]);
      expect(await store.countParticipants(workshop.id)).toMatchObject({ total: 2, byTable: { 2: 2 }, assisted: 1 });
    });

    it('keeps moderation: corrected text with the original, merges, themes, parking and safe mode', async () => {
      const { store } = await fixture();
      const { workshop, sites } = workshopRecord();
      await store.createWorkshop(workshop, sites, initialRoom([]));
      const author = participantRecord(workshop.id, sites[0]!.id);
      await store.createParticipant(author, unique('t'));
      const first = { ...ideaRecord(author, 'Une carte des douche', 1), pending: true, tableId: 3, phaseId: 'idees', origin: 'assisted' as const };
      const second = { ...ideaRecord(author, 'Une carte des douches', 2), pending: true };
      await store.insertIdea(first);
      await store.insertIdea(second);
      expect(await store.getIdea(first.id)).toEqual(first);
      expect(await store.countVisibleIdeas(workshop.id)).toBe(0);
      const approved = await store.approvePendingIdeas(workshop.id);
      expect(approved.map((idea) => idea.id)).toEqual([first.id, second.id]);
      expect(await store.countVisibleIdeas(workshop.id)).toBe(2);
      const moderated = {
        ...first,
        pending: false,
        text: 'Une carte des douches',
        originalText: first.text,
        mergedInto: second.id,
        theme: 'Se laver',
        parked: true,
      };
      expect(await store.updateIdeaModeration(moderated)).toEqual(moderated);
      expect(await store.countVisibleIdeas(workshop.id)).toBe(1);
      expect(await store.updateIdeaModeration({ ...moderated, workshopId: 'other' })).toBeNull();
    });

    it('keeps the methods facilitators saved', async () => {
      const { store } = await fixture();
      const template = {
        id: unique('tpl'),
        name: 'Notre méthode',
        description: 'Comme la dernière fois',
        phases: BUILT_IN_TEMPLATES[0]!.phases,
        builtIn: false,
      };
      await store.saveTemplate(template, 10);
      expect((await store.listTemplates()).find((t) => t.id === template.id)).toEqual(template);
    });
  });
}
