/**
 * The behaviour every CentreStore adapter must have (with the WorkshopStore on the same storage,
 * since centres link workshops). Each adapter's test file calls `centreStoreContract` with a factory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initialRoom, type Idea, type Site } from '@gommette/shared';
import type { AccountRecord, CentreRecord, CentreStore } from './CentreStore';
import { UniqueViolationError, type ParticipantRecord, type WorkshopStore } from './WorkshopStore';
import type { VoteStore } from './VoteStore';

export interface CentreFixture {
  store: WorkshopStore;
  centres: CentreStore;
  votes: VoteStore;
  close: () => Promise<void>;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36).padStart(4, '0')}`;
const DAY_MS = 24 * 60 * 60_000;

const account = (login = unique('login')): AccountRecord => ({ id: unique('acc'), login, passwordHash: '$argon2id$fake', createdAt: 1 });
const centre = (): CentreRecord => ({
  id: unique('c'),
  name: 'Centre social Soleil',
  town: 'Roubaix',
  retentionDays: null,
  territoryOptIn: false,
  createdAt: 1,
});

async function workshopIn(store: WorkshopStore, createdAt = 1_000): Promise<{ id: string; site: Site }> {
  const id = unique('w');
  const site: Site = { id: unique('site'), workshopId: id, name: 'Centre', joinCode: unique('J'), position: 0 };
  await store.createWorkshop(
    {
      id,
      title: 'Atelier',
      question: 'Q ?',
      purpose: 'Servira à…',
      createdAt,
      facilitatorTokenHash: unique('f'),
      screenTokenHash: unique('s'),
      helperTokenHash: unique('h'),
      observerTokenHash: unique('o'),
    },
    [site],
    initialRoom([]),
  );
  return { id, site };
}

async function personWithIdea(store: WorkshopStore, workshopId: string, siteId: string, text: string): Promise<{ participant: ParticipantRecord; idea: Idea }> {
  const participant: ParticipantRecord = {
    id: unique('p'),
    workshopId,
    siteId,
    cardHash: unique('card'),
    nickname: 'Loutre',
    mood: 'sunny',
    createdAt: 2_000,
    kind: 'resident',
    tableId: 1,
  };
  await store.createParticipant(participant, unique('tok'));
  const idea: Idea = {
    id: unique('idea'),
    workshopId,
    siteId,
    participantId: participant.id,
    text,
    hidden: false,
    createdAt: 3_000,
    tableId: 1,
    phaseId: null,
    origin: 'phone',
    originalText: null,
    pending: false,
    parked: false,
    mergedInto: null,
    theme: null,
  };
  await store.insertIdea(idea);
  return { participant, idea };
}

export function centreStoreContract(name: string, makeFixture: () => Promise<CentreFixture>): void {
  describe(`CentreStore contract: ${name}`, () => {
    const open: CentreFixture[] = [];
    async function fixture(): Promise<CentreFixture> {
      const made = await makeFixture();
      open.push(made);
      return made;
    }
    afterEach(async () => {
      for (const made of open.splice(0)) await made.close();
    });

    it('creates a centre with its admin; memberships, roles and removal', async () => {
      const { centres } = await fixture();
      const admin = account();
      const other = account();
      await centres.createAccount(admin);
      await centres.createAccount(other);
      await expect(centres.createAccount({ ...account(), login: admin.login })).rejects.toBeInstanceOf(UniqueViolationError);
      const space = centre();
      await centres.createCentre(space, admin.id);
      expect(await centres.getCentre(space.id)).toEqual(space);
      expect(await centres.getRole(space.id, admin.id)).toBe('admin');
      expect(await centres.getRole(space.id, other.id)).toBeNull();
      expect(await centres.countAdmins(space.id)).toBe(1);
      expect((await centres.listMemberships(admin.id)).map((m) => [m.centre.id, m.role])).toEqual([[space.id, 'admin']]);
      expect(await centres.removeMember(space.id, other.id)).toBe(false);
      expect(await centres.removeMember(space.id, admin.id)).toBe(true);
      expect(await centres.getRole(space.id, admin.id)).toBeNull();
    });

    it('uses an invitation once, keeps it when the login is taken, and lets one account join several centres', async () => {
      const { centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const first = centre();
      const second = centre();
      await centres.createCentre(first, admin.id);
      await centres.createCentre(second, admin.id);
      await centres.createInvitation({ tokenHash: 'inv-1', centreId: first.id, role: 'facilitator', createdAt: 1, expiresAt: 100 });
      // Before use, the invitation names its centre (and nothing else); after use or expiry, nothing.
      expect(await centres.invitationCentreName('inv-1', 10)).toBe(first.name);
      expect(await centres.invitationCentreName('inv-1', 100)).toBeNull();
      expect(await centres.invitationCentreName('unknown', 10)).toBeNull();
      expect(await centres.acceptInvitation('inv-1', { newAccount: { ...account(), login: admin.login } }, 10)).toEqual({ ok: false, reason: 'login_taken' });
      const newcomer = account();
      const accepted = await centres.acceptInvitation('inv-1', { newAccount: newcomer }, 10);
      expect(accepted).toEqual({ ok: true, centreId: first.id, accountId: newcomer.id, role: 'facilitator' });
      expect(await centres.acceptInvitation('inv-1', { accountId: admin.id }, 11)).toEqual({ ok: false, reason: 'invalid' });
      expect(await centres.invitationCentreName('inv-1', 11)).toBeNull();
      await centres.createInvitation({ tokenHash: 'inv-2', centreId: second.id, role: 'facilitator', createdAt: 1, expiresAt: 100 });
      expect(await centres.acceptInvitation('inv-2', { accountId: newcomer.id }, 100)).toEqual({ ok: false, reason: 'invalid' }); // expired
      await centres.createInvitation({ tokenHash: 'inv-3', centreId: second.id, role: 'facilitator', createdAt: 1, expiresAt: 100 });
      expect((await centres.acceptInvitation('inv-3', { accountId: newcomer.id }, 20)).ok).toBe(true);
      expect((await centres.listMemberships(newcomer.id)).map((m) => m.role)).toEqual(['facilitator', 'facilitator']);
      // An admin invited as a facilitator stays admin.
      await centres.createInvitation({ tokenHash: 'inv-4', centreId: first.id, role: 'facilitator', createdAt: 1, expiresAt: 100 });
      expect(await centres.acceptInvitation('inv-4', { accountId: admin.id }, 20)).toMatchObject({ ok: true, role: 'admin' });
    });

    it("keeps a centre workshop's helper and observer links, revokes one at a time, and drops them with the workshop", async () => {
      const { store, centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const { id: workshopId } = await workshopIn(store);
      await centres.linkWorkshop({ workshopId, centreId: space.id, seriesId: null, createdBy: admin.id, facilitatorToken: 'tok' });
      const link = (role: 'helper' | 'observer', linkId: string, createdAt: number) => ({
        tokenHash: unique('sl'),
        workshopId,
        role,
        linkId,
        issuedBy: admin.id,
        createdAt,
        revokedAt: null,
      });
      const helper = link('helper', 'initial', 1);
      const observer = link('observer', 'initial', 1);
      const second = link('helper', 'abc', 2);
      for (const made of [helper, observer, second]) await centres.insertStaffLink(made);
      await expect(centres.insertStaffLink({ ...link('helper', 'abc', 3) })).rejects.toBeInstanceOf(UniqueViolationError);
      expect(await centres.getStaffLink(helper.tokenHash)).toEqual(helper);
      expect(await centres.getStaffLink('nope')).toBeNull();
      expect(await centres.revokeStaffLink(workshopId, 'helper', 'abc', 9)).toBe(true);
      expect(await centres.revokeStaffLink(workshopId, 'helper', 'abc', 10)).toBe(false);
      expect(await centres.revokeStaffLink(workshopId, 'observer', 'abc', 10)).toBe(false);
      expect((await centres.listStaffLinks(workshopId)).map((l) => [l.role, l.linkId, l.revokedAt])).toEqual([
        ['helper', 'initial', null],
        ['observer', 'initial', null],
        ['helper', 'abc', 9],
      ]);
      await centres.deleteWorkshop(workshopId);
      expect(await centres.listStaffLinks(workshopId)).toEqual([]);
      expect(await centres.getStaffLink(helper.tokenHash)).toBeNull();
    });

    it("rotates a centre workshop's console link: every derived hash, the kiosks, the holder and the staff links at once", async () => {
      const { store, centres, votes } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const { id: workshopId, site } = await workshopIn(store);
      const before = (await store.getWorkshop(workshopId))!;
      await centres.linkWorkshop({ workshopId, centreId: space.id, seriesId: null, createdBy: null, facilitatorToken: 'old-sealed' });
      await votes.saveKioskToken(workshopId, site.id, 'kiosk-old');
      const old = { tokenHash: unique('sl'), workshopId, role: 'helper' as const, linkId: 'initial', issuedBy: admin.id, createdAt: 1, revokedAt: null };
      const revokedEarlier = { ...old, tokenHash: unique('sl'), linkId: 'gone', revokedAt: 3 };
      await centres.insertStaffLink(old);
      await centres.insertStaffLink(revokedEarlier);
      const fresh = { tokenHash: unique('sl'), workshopId, role: 'observer' as const, linkId: 'new1', issuedBy: admin.id, createdAt: 20, revokedAt: null };
      const rotation = {
        workshopId,
        sealedFacilitatorToken: 'new-sealed',
        holder: admin.id,
        hashes: { facilitator: unique('F'), screen: unique('S'), helper: unique('H'), observer: unique('O') },
        kioskHash: (siteId: string) => `kiosk-new-${siteId}`,
        staffLinks: [fresh],
        now: 20,
      };
      expect(await centres.rotateConsoleLink(rotation)).toBe(true);
      expect(await store.getWorkshop(workshopId)).toEqual({
        ...before,
        facilitatorTokenHash: rotation.hashes.facilitator,
        screenTokenHash: rotation.hashes.screen,
        helperTokenHash: rotation.hashes.helper,
        observerTokenHash: rotation.hashes.observer,
      });
      expect(await centres.getCentreWorkshop(workshopId)).toMatchObject({ facilitatorToken: 'new-sealed', createdBy: admin.id });
      expect(await votes.kioskByTokenHash('kiosk-old')).toBeNull();
      expect(await votes.kioskByTokenHash(`kiosk-new-${site.id}`)).toEqual({ workshopId, siteId: site.id });
      expect((await centres.listStaffLinks(workshopId)).map((l) => [l.linkId, l.revokedAt])).toEqual([
        ['gone', 3],
        ['initial', 20],
        ['new1', null],
      ]);
      // A workshop outside any centre has no console link to rotate: nothing changes.
      const { id: alone } = await workshopIn(store);
      expect(await centres.rotateConsoleLink({ ...rotation, workshopId: alone, staffLinks: [] })).toBe(false);
      expect((await store.getWorkshop(alone))!.facilitatorTokenHash).not.toBe(rotation.hashes.facilitator);
    });

    it("revokes the projector's link and a kiosk's link alone, one generation at a time", async () => {
      const { store, centres, votes } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const { id: workshopId, site } = await workshopIn(store);
      const linked = await centres.linkWorkshop({ workshopId, centreId: space.id, seriesId: null, createdBy: admin.id, facilitatorToken: 'tok' });
      expect(linked.screenGeneration).toBe(0);
      expect(await centres.revokeScreenLink(workshopId, 2, 'screen-2')).toBe(false);
      expect(await centres.revokeScreenLink(workshopId, 1, 'screen-1')).toBe(true);
      expect(await centres.revokeScreenLink(workshopId, 1, 'screen-1b')).toBe(false);
      expect((await centres.getCentreWorkshop(workshopId))!.screenGeneration).toBe(1);
      expect((await store.getWorkshop(workshopId))!.screenTokenHash).toBe('screen-1');
      expect(await votes.kioskGenerations(workshopId)).toEqual(new Map());
      await votes.saveKioskToken(workshopId, site.id, unique('k0'), 0);
      const next = unique('k1');
      await votes.saveKioskToken(workshopId, site.id, next, 1);
      expect(await votes.kioskGenerations(workshopId)).toEqual(new Map([[site.id, 1]]));
      expect(await votes.kioskByTokenHash(next)).toEqual({ workshopId, siteId: site.id });
    });

    it('scopes questionnaire templates to a centre and shares them on request', async () => {
      const { centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const mine = centre();
      const theirs = centre();
      await centres.createCentre(mine, admin.id);
      await centres.createCentre(theirs, admin.id);
      const questionnaire = { questions: [{ id: 'avis', text: "J'ai pu donner mon avis" }], askLearned: true, askFigures: false };
      const template = (centreId: string, name: string, shared: boolean, createdAt: number) => ({
        id: unique('qt'),
        centreId,
        name,
        questionnaire,
        shared,
        createdAt,
      });
      const own = template(mine.id, 'Le nôtre', false, 1);
      const hidden = template(theirs.id, 'Brouillon', false, 2);
      const open = template(theirs.id, 'Partagé', true, 3);
      for (const made of [open, hidden, own]) await centres.saveQuestionnaireTemplate(made);
      expect(await centres.getQuestionnaireTemplate(own.id)).toEqual(own);
      expect((await centres.listQuestionnaireTemplates(mine.id)).map((t) => t.name)).toEqual(['Le nôtre', 'Partagé']);
      expect(await centres.setQuestionnaireTemplateShared(open.id, mine.id, false)).toBe(false);
      expect(await centres.setQuestionnaireTemplateShared(open.id, theirs.id, false)).toBe(true);
      expect((await centres.listQuestionnaireTemplates(mine.id)).map((t) => t.name)).toEqual(['Le nôtre']);
      expect((await centres.listQuestionnaireTemplates(theirs.id)).map((t) => t.name)).toEqual(['Brouillon', 'Partagé']);
    });

    it('shares briefs once, unshares them by their centre only, and keeps copies per centre', async () => {
      const { store, centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const mine = centre();
      const theirs = centre();
      await centres.createCentre(mine, admin.id);
      await centres.createCentre(theirs, admin.id);
      const { id: workshopId } = await workshopIn(store);
      await centres.shareBrief({ briefId: 'b1', workshopId, centreId: mine.id, sharedAt: 5 });
      await centres.shareBrief({ briefId: 'b1', workshopId, centreId: mine.id, sharedAt: 9 });
      await centres.shareBrief({ briefId: 'b2', workshopId, centreId: mine.id, sharedAt: 7 });
      expect((await centres.listSharedBriefs()).filter((s) => s.workshopId === workshopId)).toEqual([
        { briefId: 'b2', workshopId, centreId: mine.id, sharedAt: 7 },
        { briefId: 'b1', workshopId, centreId: mine.id, sharedAt: 5 },
      ]);
      expect(await centres.unshareBrief('b2', theirs.id)).toBe(false);
      expect(await centres.unshareBrief('b2', mine.id)).toBe(true);
      await centres.saveBriefCopy({ id: unique('copy'), centreId: theirs.id, contentJson: '{"title":"x"}', copiedAt: 3 });
      await centres.saveBriefCopy({ id: unique('copy'), centreId: theirs.id, contentJson: '{"title":"y"}', copiedAt: 4 });
      expect((await centres.listBriefCopies(theirs.id)).map((c) => c.contentJson)).toEqual(['{"title":"y"}', '{"title":"x"}']);
      expect(await centres.listBriefCopies(mine.id)).toEqual([]);
      // Deleting the workshop takes its shares with it; copies stay with the centre that took them.
      await centres.deleteWorkshop(workshopId);
      expect((await centres.listSharedBriefs()).filter((s) => s.workshopId === workshopId)).toEqual([]);
      expect(await centres.listBriefCopies(theirs.id)).toHaveLength(2);
    });

    it('finds the account of a live session only', async () => {
      const { centres } = await fixture();
      const someone = account();
      await centres.createAccount(someone);
      await centres.createSession('sess', someone.id, 10, 100);
      expect((await centres.getSessionAccount('sess', 50))?.id).toBe(someone.id);
      expect(await centres.getSessionAccount('sess', 100)).toBeNull();
      await centres.deleteSession('sess');
      expect(await centres.getSessionAccount('sess', 50)).toBeNull();
    });

    it('links workshops in order within a series and within the centre', async () => {
      const { store, centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const series = { id: unique('s'), centreId: space.id, title: 'Parcours', question: 'Q ?', createdAt: 5 };
      await centres.createSeries(series);
      expect(await centres.getSeries(series.id)).toEqual(series);
      const a = await workshopIn(store, 1);
      const b = await workshopIn(store, 2);
      const c = await workshopIn(store, 3);
      expect(
        (await centres.linkWorkshop({ workshopId: a.id, centreId: space.id, seriesId: series.id, createdBy: admin.id, facilitatorToken: 'ta' })).position,
      ).toBe(1);
      expect(
        (await centres.linkWorkshop({ workshopId: b.id, centreId: space.id, seriesId: series.id, createdBy: admin.id, facilitatorToken: 'tb' })).position,
      ).toBe(2);
      expect((await centres.linkWorkshop({ workshopId: c.id, centreId: space.id, seriesId: null, createdBy: admin.id, facilitatorToken: 'tc' })).position).toBe(
        1,
      );
      expect((await centres.listCentreWorkshops(space.id)).map((link) => link.workshopId)).toEqual([a.id, b.id, c.id]);
      expect(await centres.getCentreWorkshop(b.id)).toMatchObject({
        centreId: space.id,
        seriesId: series.id,
        facilitatorToken: 'tb',
        personalDataErasedAt: null,
      });
    });

    it('scopes templates to a centre and shares them on request', async () => {
      const { store, centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const template = { id: unique('t'), name: 'Bilan', description: '', phases: [], builtIn: false };
      await centres.saveCentreTemplate(template, space.id, false, 1);
      expect((await store.listTemplates()).some((saved) => saved.id === template.id)).toBe(true);
      expect(await centres.listTemplateScopes()).toContainEqual({ templateId: template.id, centreId: space.id, centreName: space.name, shared: false });
      expect(await centres.setTemplateShared(template.id, space.id, true)).toBe(true);
      expect(await centres.setTemplateShared(template.id, 'another', true)).toBe(false);
      expect((await centres.listTemplateScopes()).find((scope) => scope.templateId === template.id)?.shared).toBe(true);
    });

    it('deletes a workshop with everything attached', async () => {
      const { store, centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const { id, site } = await workshopIn(store);
      await centres.linkWorkshop({ workshopId: id, centreId: space.id, seriesId: null, createdBy: admin.id, facilitatorToken: 't' });
      const { participant, idea } = await personWithIdea(store, id, site.id, 'Un banc');
      expect(await centres.deleteWorkshop(id)).toBe(true);
      expect(await store.getWorkshop(id)).toBeNull();
      expect(await store.getParticipant(participant.id)).toBeNull();
      expect(await store.getParticipantByCardHash(participant.cardHash)).toBeNull();
      expect(await store.getIdea(idea.id)).toBeNull();
      expect(await store.listSites(id)).toEqual([]);
      expect(await centres.getCentreWorkshop(id)).toBeNull();
      expect(await centres.deleteWorkshop(id)).toBe(false);
    });

    it('erases tokens, cards and nicknames after the retention period and keeps the counts and ideas', async () => {
      const { store, centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const space = centre();
      await centres.createCentre(space, admin.id);
      const old = await workshopIn(store, 1_000);
      const recent = await workshopIn(store, 40 * DAY_MS);
      for (const w of [old, recent])
        await centres.linkWorkshop({ workshopId: w.id, centreId: space.id, seriesId: null, createdBy: admin.id, facilitatorToken: w.id });
      const oldPerson = await personWithIdea(store, old.id, old.site.id, 'Un jardin');
      const recentPerson = await personWithIdea(store, recent.id, recent.site.id, 'Une fête');
      const countsBefore = await store.countParticipants(old.id);
      const now = 31 * DAY_MS;
      expect(await centres.eraseExpiredPersonalData(now)).toEqual({ workshops: 0, participants: 0 }); // no retention set
      await centres.updateCentre(space.id, { retentionDays: 30 });
      expect(await centres.eraseExpiredPersonalData(now)).toEqual({ workshops: 1, participants: 1 });
      const erased = await store.getParticipant(oldPerson.participant.id);
      expect(erased?.nickname).toBeNull();
      expect(erased?.cardHash).not.toBe(oldPerson.participant.cardHash);
      expect(await store.getParticipantByCardHash(oldPerson.participant.cardHash)).toBeNull();
      expect(await store.countParticipants(old.id)).toEqual(countsBefore);
      expect((await store.listIdeas(old.id)).map((idea) => idea.text)).toEqual(['Un jardin']);
      expect((await centres.getCentreWorkshop(old.id))?.personalDataErasedAt).toBe(now);
      expect((await store.getParticipant(recentPerson.participant.id))?.nickname).toBe('Loutre');
      expect(await centres.eraseExpiredPersonalData(now)).toEqual({ workshops: 0, participants: 0 }); // idempotent
    });

    it("erases one resident's ideas and profile, once", async () => {
      const { store, centres } = await fixture();
      const { id, site } = await workshopIn(store);
      const { participant } = await personWithIdea(store, id, site.id, 'Un banc');
      const other = await personWithIdea(store, id, site.id, 'Un arbre');
      expect(await centres.eraseParticipant(participant.id)).toEqual({ ideas: 1, profile: true });
      expect(await store.getParticipant(participant.id)).toBeNull();
      expect((await store.listIdeas(id)).map((idea) => idea.text)).toEqual(['Un arbre']);
      expect(await centres.eraseParticipant(participant.id)).toEqual({ ideas: 0, profile: false });
      expect(await store.getParticipant(other.participant.id)).not.toBeNull();
    });

    it('lists only the centres that opted in to the territory view', async () => {
      const { centres } = await fixture();
      const admin = account();
      await centres.createAccount(admin);
      const yes = centre();
      const no = centre();
      await centres.createCentre(yes, admin.id);
      await centres.createCentre(no, admin.id);
      await centres.updateCentre(yes.id, { territoryOptIn: true });
      const ids = (await centres.listTerritoryCentres()).map((c) => c.id);
      expect(ids).toContain(yes.id);
      expect(ids).not.toContain(no.id);
    });
  });
}
