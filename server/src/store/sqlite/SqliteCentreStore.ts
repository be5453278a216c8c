import Database from 'better-sqlite3';
import type { CentreRole, MethodTemplate, StaffLinkRole } from '@gommette/shared';
import {
  type AcceptResult,
  type AccountRecord,
  type BriefCopyRecord,
  type QuestionnaireTemplateRecord,
  type SharedBriefRecord,
  type StaffLinkRecord,
  type ConsoleLinkRotation,
  type CentreRecord,
  type CentreStore,
  type CentreWorkshopRecord,
  type Invitee,
  type InvitationRecord,
  type MemberRecord,
  type RetentionResult,
  type SeriesRecord,
  type TemplateScope,
} from '../CentreStore';
import { UniqueViolationError } from '../WorkshopStore';
import { openSqliteDatabase, type SqliteOptions } from './database';
import {
  toAccount,
  toCentre,
  toCentreWorkshop,
  toQuestionnaireTemplate,
  toRole,
  toSeries,
  toStaffLink,
  type AccountRow,
  type CentreRow,
  type CentreWorkshopRow,
  type QuestionnaireTemplateRow,
  type SeriesRow,
  type StaffLinkRow,
} from '../centreRows';

const DAY_MS = 24 * 60 * 60_000;
const ROLE_RANK: Record<CentreRole, number> = { facilitator: 1, admin: 2 };

function isSqliteUnique(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/**
 * The centre's space on the shared SQLite database. `secure_delete` is on for the connection, so
 * deleted rows are overwritten with zeros, and the WAL is checkpointed and truncated after a
 * deletion or an erasure: no copy of the personal data is left in the file.
 */
export class SqliteCentreStore implements CentreStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(source: SqliteOptions | Database.Database) {
    this.db = source instanceof Database ? source : openSqliteDatabase(source.filename);
    const db = this.db;
    db.pragma('secure_delete = ON');
    this.statements = {
      insertCentre: db.prepare(
        `INSERT INTO centres (id, name, town, retention_days, territory_opt_in, created_at) VALUES (@id, @name, @town, @retentionDays, @territoryOptIn, @createdAt)`,
      ),
      getCentre: db.prepare(`SELECT * FROM centres WHERE id = ?`),
      setRetention: db.prepare(`UPDATE centres SET retention_days = ? WHERE id = ?`),
      setOptIn: db.prepare(`UPDATE centres SET territory_opt_in = ? WHERE id = ?`),
      territoryCentres: db.prepare(`SELECT * FROM centres WHERE territory_opt_in = 1 ORDER BY name, id`),
      insertAccount: db.prepare(`INSERT INTO accounts (id, login, password_hash, created_at) VALUES (@id, @login, @passwordHash, @createdAt)`),
      getAccount: db.prepare(`SELECT * FROM accounts WHERE id = ?`),
      accountByLogin: db.prepare(`SELECT * FROM accounts WHERE login = ?`),
      insertSession: db.prepare(`INSERT INTO account_sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
      sessionAccount: db.prepare(`SELECT a.* FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ? AND s.expires_at > ?`),
      deleteSession: db.prepare(`DELETE FROM account_sessions WHERE token_hash = ?`),
      deleteExpiredSessions: db.prepare(`DELETE FROM account_sessions WHERE expires_at <= ?`),
      getRole: db.prepare(`SELECT role FROM centre_members WHERE centre_id = ? AND account_id = ?`),
      memberships: db.prepare(
        `SELECT c.*, m.role AS member_role FROM centre_members m JOIN centres c ON c.id = m.centre_id WHERE m.account_id = ? ORDER BY c.name, c.id`,
      ),
      members: db.prepare(
        `SELECT m.centre_id, m.account_id, a.login, m.role, m.created_at FROM centre_members m JOIN accounts a ON a.id = m.account_id WHERE m.centre_id = ? ORDER BY m.created_at, a.login`,
      ),
      upsertMember: db.prepare(
        `INSERT INTO centre_members (centre_id, account_id, role, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(centre_id, account_id) DO UPDATE SET role = excluded.role`,
      ),
      removeMember: db.prepare(`DELETE FROM centre_members WHERE centre_id = ? AND account_id = ?`),
      countAdmins: db.prepare(`SELECT COUNT(*) AS n FROM centre_members WHERE centre_id = ? AND role = 'admin'`),
      insertInvitation: db.prepare(
        `INSERT INTO centre_invitations (token_hash, centre_id, role, created_at, expires_at) VALUES (@tokenHash, @centreId, @role, @createdAt, @expiresAt)`,
      ),
      invitationCentreName: db.prepare(
        `SELECT c.name FROM centre_invitations i JOIN centres c ON c.id = i.centre_id WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ?`,
      ),
      useInvitation: db.prepare(
        `UPDATE centre_invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING centre_id, role`,
      ),
      insertSeries: db.prepare(`INSERT INTO centre_series (id, centre_id, title, question, created_at) VALUES (@id, @centreId, @title, @question, @createdAt)`),
      getSeries: db.prepare(`SELECT * FROM centre_series WHERE id = ?`),
      listSeries: db.prepare(`SELECT * FROM centre_series WHERE centre_id = ? ORDER BY created_at, id`),
      nextPositionInSeries: db.prepare(`SELECT COALESCE(MAX(position), 0) + 1 AS n FROM centre_workshops WHERE series_id = ?`),
      nextPositionInCentre: db.prepare(`SELECT COALESCE(MAX(position), 0) + 1 AS n FROM centre_workshops WHERE centre_id = ? AND series_id IS NULL`),
      insertCentreWorkshop: db.prepare(
        `INSERT INTO centre_workshops (workshop_id, centre_id, series_id, position, created_by, facilitator_token) VALUES (@workshopId, @centreId, @seriesId, @position, @createdBy, @facilitatorToken)`,
      ),
      getCentreWorkshop: db.prepare(`SELECT * FROM centre_workshops WHERE workshop_id = ?`),
      listCentreWorkshops: db.prepare(
        `SELECT cw.* FROM centre_workshops cw JOIN workshops w ON w.id = cw.workshop_id WHERE cw.centre_id = ? ORDER BY w.created_at, w.id`,
      ),
      insertTemplate: db.prepare(
        `INSERT INTO method_templates (id, name, description, phases_json, created_at) VALUES (@id, @name, @description, @phasesJson, @createdAt)`,
      ),
      insertTemplateScope: db.prepare(`INSERT INTO template_centres (template_id, centre_id, shared) VALUES (?, ?, ?)`),
      setShared: db.prepare(`UPDATE template_centres SET shared = ? WHERE template_id = ? AND centre_id = ?`),
      templateScopes: db.prepare(
        `SELECT t.template_id, t.centre_id, t.shared, c.name AS centre_name FROM template_centres t JOIN centres c ON c.id = t.centre_id`,
      ),
      insertStaffLink: db.prepare(
        `INSERT INTO centre_staff_links (token_hash, workshop_id, role, link_id, issued_by, created_at, revoked_at)
         VALUES (@tokenHash, @workshopId, @role, @linkId, @issuedBy, @createdAt, @revokedAt)`,
      ),
      getStaffLink: db.prepare(`SELECT * FROM centre_staff_links WHERE token_hash = ?`),
      listStaffLinks: db.prepare(`SELECT * FROM centre_staff_links WHERE workshop_id = ? ORDER BY created_at, role, link_id`),
      revokeStaffLink: db.prepare(`UPDATE centre_staff_links SET revoked_at = ? WHERE workshop_id = ? AND role = ? AND link_id = ? AND revoked_at IS NULL`),
      rotateCentreWorkshop: db.prepare(`UPDATE centre_workshops SET facilitator_token = ?, created_by = ? WHERE workshop_id = ?`),
      rotateWorkshopHashes: db.prepare(
        `UPDATE workshops SET facilitator_token_hash = ?, screen_token_hash = ?, helper_token_hash = ?, observer_token_hash = ? WHERE id = ?`,
      ),
      listKioskSites: db.prepare(`SELECT site_id, generation FROM vote_kiosks WHERE workshop_id = ?`),
      revokeScreen: db.prepare(`UPDATE centre_workshops SET screen_generation = ? WHERE workshop_id = ? AND screen_generation = ?`),
      setScreenHash: db.prepare(`UPDATE workshops SET screen_token_hash = ? WHERE id = ?`),
      rotateKiosk: db.prepare(`UPDATE vote_kiosks SET token_hash = ? WHERE site_id = ? AND workshop_id = ?`),
      revokeAllStaffLinks: db.prepare(`UPDATE centre_staff_links SET revoked_at = ? WHERE workshop_id = ? AND revoked_at IS NULL`),
      insertQuestionnaireTemplate: db.prepare(
        `INSERT INTO questionnaire_templates (id, centre_id, name, questionnaire_json, shared, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      getQuestionnaireTemplate: db.prepare(`SELECT * FROM questionnaire_templates WHERE id = ?`),
      listQuestionnaireTemplates: db.prepare(`SELECT * FROM questionnaire_templates WHERE centre_id = ? OR shared = 1 ORDER BY centre_id != ?, created_at, id`),
      setQuestionnaireShared: db.prepare(`UPDATE questionnaire_templates SET shared = ? WHERE id = ? AND centre_id = ?`),
      shareBrief: db.prepare(
        `INSERT INTO shared_briefs (brief_id, workshop_id, centre_id, shared_at) VALUES (@briefId, @workshopId, @centreId, @sharedAt) ON CONFLICT(brief_id) DO NOTHING`,
      ),
      unshareBrief: db.prepare(`DELETE FROM shared_briefs WHERE brief_id = ? AND centre_id = ?`),
      listSharedBriefs: db.prepare(`SELECT * FROM shared_briefs ORDER BY shared_at DESC, brief_id`),
      insertBriefCopy: db.prepare(`INSERT INTO brief_copies (id, centre_id, content_json, copied_at) VALUES (@id, @centreId, @contentJson, @copiedAt)`),
      listBriefCopies: db.prepare(`SELECT * FROM brief_copies WHERE centre_id = ? ORDER BY copied_at DESC, id`),
      deleteWorkshop: db.prepare(`DELETE FROM workshops WHERE id = ?`),
      expiredWorkshops: db.prepare(
        `SELECT cw.workshop_id FROM centre_workshops cw JOIN centres c ON c.id = cw.centre_id JOIN workshops w ON w.id = cw.workshop_id
         WHERE c.retention_days IS NOT NULL AND w.created_at + c.retention_days * ${DAY_MS} <= ?`,
      ),
      deleteWorkshopTokens: db.prepare(`DELETE FROM participant_tokens WHERE participant_id IN (SELECT id FROM participants WHERE workshop_id = ?)`),
      eraseProfiles: db.prepare(
        `UPDATE participants SET nickname = NULL, card_hash = 'erased:' || id
         WHERE workshop_id = ? AND kind != 'paper' AND (nickname IS NOT NULL OR card_hash NOT LIKE 'erased:%')`,
      ),
      markErased: db.prepare(`UPDATE centre_workshops SET personal_data_erased_at = ? WHERE workshop_id = ? AND personal_data_erased_at IS NULL`),
      deleteIdeasBy: db.prepare(`DELETE FROM ideas WHERE participant_id = ?`),
      deleteParticipant: db.prepare(`DELETE FROM participants WHERE id = ? AND kind != 'paper'`),
    };
  }

  /** Pushes the WAL into the file and empties it, so deleted pages survive nowhere. */
  private wipeFreedPages(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      if (isSqliteUnique(error)) throw new UniqueViolationError((error as Error).message);
      throw error;
    }
  }

  async createCentre(centre: CentreRecord, adminAccountId: string): Promise<void> {
    this.write(() => {
      this.statements.insertCentre.run({ ...centre, territoryOptIn: centre.territoryOptIn ? 1 : 0 });
      this.statements.upsertMember.run(centre.id, adminAccountId, 'admin', centre.createdAt);
    });
  }

  async getCentre(centreId: string): Promise<CentreRecord | null> {
    const row = this.statements.getCentre.get(centreId) as CentreRow | undefined;
    return row ? toCentre(row) : null;
  }

  async updateCentre(centreId: string, changes: { retentionDays?: number | null; territoryOptIn?: boolean }): Promise<CentreRecord | null> {
    this.write(() => {
      if (changes.retentionDays !== undefined) this.statements.setRetention.run(changes.retentionDays, centreId);
      if (changes.territoryOptIn !== undefined) this.statements.setOptIn.run(changes.territoryOptIn ? 1 : 0, centreId);
    });
    return this.getCentre(centreId);
  }

  async listTerritoryCentres(): Promise<CentreRecord[]> {
    return (this.statements.territoryCentres.all() as CentreRow[]).map(toCentre);
  }

  async createAccount(account: AccountRecord): Promise<void> {
    this.write(() => this.statements.insertAccount.run(account));
  }

  async getAccount(accountId: string): Promise<AccountRecord | null> {
    const row = this.statements.getAccount.get(accountId) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async getAccountByLogin(login: string): Promise<AccountRecord | null> {
    const row = this.statements.accountByLogin.get(login) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async createSession(tokenHash: string, accountId: string, createdAt: number, expiresAt: number): Promise<void> {
    this.write(() => {
      this.statements.deleteExpiredSessions.run(createdAt);
      this.statements.insertSession.run(tokenHash, accountId, createdAt, expiresAt);
    });
  }

  async getSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | null> {
    const row = this.statements.sessionAccount.get(tokenHash, now) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.statements.deleteSession.run(tokenHash);
  }

  async getRole(centreId: string, accountId: string): Promise<CentreRole | null> {
    const row = this.statements.getRole.get(centreId, accountId) as { role: string } | undefined;
    return row ? toRole(row.role) : null;
  }

  async listMemberships(accountId: string): Promise<Array<{ centre: CentreRecord; role: CentreRole }>> {
    const rows = this.statements.memberships.all(accountId) as Array<CentreRow & { member_role: string }>;
    return rows.map((row) => ({ centre: toCentre(row), role: toRole(row.member_role) }));
  }

  async listMembers(centreId: string): Promise<MemberRecord[]> {
    const rows = this.statements.members.all(centreId) as Array<{ centre_id: string; account_id: string; login: string; role: string; created_at: number }>;
    return rows.map((row) => ({ centreId: row.centre_id, accountId: row.account_id, login: row.login, role: toRole(row.role), createdAt: row.created_at }));
  }

  async removeMember(centreId: string, accountId: string): Promise<boolean> {
    return this.statements.removeMember.run(centreId, accountId).changes === 1;
  }

  async countAdmins(centreId: string): Promise<number> {
    return (this.statements.countAdmins.get(centreId) as { n: number }).n;
  }

  async createInvitation(invitation: InvitationRecord): Promise<void> {
    this.write(() => this.statements.insertInvitation.run(invitation));
  }

  async invitationCentreName(tokenHash: string, now: number): Promise<string | null> {
    const row = this.statements.invitationCentreName.get(tokenHash, now) as { name: string } | undefined;
    return row?.name ?? null;
  }

  async acceptInvitation(tokenHash: string, invitee: Invitee, now: number): Promise<AcceptResult> {
    const accept = this.db.transaction((): AcceptResult => {
      const used = this.statements.useInvitation.get(now, tokenHash, now) as { centre_id: string; role: string } | undefined;
      if (!used) return { ok: false, reason: 'invalid' };
      let accountId: string;
      if ('newAccount' in invitee) {
        this.statements.insertAccount.run(invitee.newAccount);
        accountId = invitee.newAccount.id;
      } else {
        accountId = invitee.accountId;
      }
      const invited = toRole(used.role);
      const current = this.statements.getRole.get(used.centre_id, accountId) as { role: string } | undefined;
      const role = current && ROLE_RANK[toRole(current.role)] > ROLE_RANK[invited] ? toRole(current.role) : invited;
      this.statements.upsertMember.run(used.centre_id, accountId, role, now);
      return { ok: true, centreId: used.centre_id, accountId, role };
    });
    try {
      return accept();
    } catch (error) {
      // The transaction rolled back: the invitation is still unused.
      if (isSqliteUnique(error)) return { ok: false, reason: 'login_taken' };
      throw error;
    }
  }

  async createSeries(series: SeriesRecord): Promise<void> {
    this.write(() => this.statements.insertSeries.run(series));
  }

  async getSeries(seriesId: string): Promise<SeriesRecord | null> {
    const row = this.statements.getSeries.get(seriesId) as SeriesRow | undefined;
    return row ? toSeries(row) : null;
  }

  async listSeries(centreId: string): Promise<SeriesRecord[]> {
    return (this.statements.listSeries.all(centreId) as SeriesRow[]).map(toSeries);
  }

  async linkWorkshop(link: Omit<CentreWorkshopRecord, 'position' | 'personalDataErasedAt' | 'screenGeneration'>): Promise<CentreWorkshopRecord> {
    return this.write(() => {
      const next = (link.seriesId ? this.statements.nextPositionInSeries.get(link.seriesId) : this.statements.nextPositionInCentre.get(link.centreId)) as {
        n: number;
      };
      const record: CentreWorkshopRecord = { ...link, position: next.n, personalDataErasedAt: null, screenGeneration: 0 };
      this.statements.insertCentreWorkshop.run(record);
      return record;
    });
  }

  async getCentreWorkshop(workshopId: string): Promise<CentreWorkshopRecord | null> {
    const row = this.statements.getCentreWorkshop.get(workshopId) as CentreWorkshopRow | undefined;
    return row ? toCentreWorkshop(row) : null;
  }

  async listCentreWorkshops(centreId: string): Promise<CentreWorkshopRecord[]> {
    return (this.statements.listCentreWorkshops.all(centreId) as CentreWorkshopRow[]).map(toCentreWorkshop);
  }

  async saveCentreTemplate(template: MethodTemplate, centreId: string, shared: boolean, now: number): Promise<void> {
    this.write(() => {
      this.statements.insertTemplate.run({
        id: template.id,
        name: template.name,
        description: template.description,
        phasesJson: JSON.stringify(template.phases),
        createdAt: now,
      });
      this.statements.insertTemplateScope.run(template.id, centreId, shared ? 1 : 0);
    });
  }

  async setTemplateShared(templateId: string, centreId: string, shared: boolean): Promise<boolean> {
    return this.statements.setShared.run(shared ? 1 : 0, templateId, centreId).changes === 1;
  }

  async listTemplateScopes(): Promise<TemplateScope[]> {
    const rows = this.statements.templateScopes.all() as Array<{ template_id: string; centre_id: string; shared: number; centre_name: string }>;
    return rows.map((row) => ({ templateId: row.template_id, centreId: row.centre_id, centreName: row.centre_name, shared: row.shared === 1 }));
  }

  async insertStaffLink(link: StaffLinkRecord): Promise<void> {
    this.write(() => this.statements.insertStaffLink.run(link));
  }

  async getStaffLink(tokenHash: string): Promise<StaffLinkRecord | null> {
    const row = this.statements.getStaffLink.get(tokenHash) as StaffLinkRow | undefined;
    return row ? toStaffLink(row) : null;
  }

  async listStaffLinks(workshopId: string): Promise<StaffLinkRecord[]> {
    return (this.statements.listStaffLinks.all(workshopId) as StaffLinkRow[]).map(toStaffLink);
  }

  async revokeStaffLink(workshopId: string, role: StaffLinkRole, linkId: string, now: number): Promise<boolean> {
    return this.statements.revokeStaffLink.run(now, workshopId, role, linkId).changes === 1;
  }

  async rotateConsoleLink(rotation: ConsoleLinkRotation): Promise<boolean> {
    return this.write(() => {
      const { workshopId, hashes } = rotation;
      if (this.statements.rotateCentreWorkshop.run(rotation.sealedFacilitatorToken, rotation.holder, workshopId).changes !== 1) return false;
      this.statements.rotateWorkshopHashes.run(hashes.facilitator, hashes.screen, hashes.helper, hashes.observer, workshopId);
      for (const { site_id: siteId, generation } of this.statements.listKioskSites.all(workshopId) as Array<{ site_id: string; generation: number }>) {
        this.statements.rotateKiosk.run(rotation.kioskHash(siteId, generation), siteId, workshopId);
      }
      this.statements.revokeAllStaffLinks.run(rotation.now, workshopId);
      for (const link of rotation.staffLinks) this.statements.insertStaffLink.run(link);
      return true;
    });
  }

  async revokeScreenLink(workshopId: string, generation: number, screenTokenHash: string): Promise<boolean> {
    return this.write(() => {
      if (this.statements.revokeScreen.run(generation, workshopId, generation - 1).changes !== 1) return false;
      this.statements.setScreenHash.run(screenTokenHash, workshopId);
      return true;
    });
  }

  async saveQuestionnaireTemplate(template: QuestionnaireTemplateRecord): Promise<void> {
    this.write(() =>
      this.statements.insertQuestionnaireTemplate.run(
        template.id,
        template.centreId,
        template.name,
        JSON.stringify(template.questionnaire),
        template.shared ? 1 : 0,
        template.createdAt,
      ),
    );
  }

  async getQuestionnaireTemplate(templateId: string): Promise<QuestionnaireTemplateRecord | null> {
    const row = this.statements.getQuestionnaireTemplate.get(templateId) as QuestionnaireTemplateRow | undefined;
    return row ? toQuestionnaireTemplate(row) : null;
  }

  async listQuestionnaireTemplates(centreId: string): Promise<QuestionnaireTemplateRecord[]> {
    return (this.statements.listQuestionnaireTemplates.all(centreId, centreId) as QuestionnaireTemplateRow[]).map(toQuestionnaireTemplate);
  }

  async setQuestionnaireTemplateShared(templateId: string, centreId: string, shared: boolean): Promise<boolean> {
    return this.statements.setQuestionnaireShared.run(shared ? 1 : 0, templateId, centreId).changes === 1;
  }

  async shareBrief(share: SharedBriefRecord): Promise<void> {
    this.write(() => this.statements.shareBrief.run(share));
  }

  async unshareBrief(briefId: string, centreId: string): Promise<boolean> {
    return this.statements.unshareBrief.run(briefId, centreId).changes === 1;
  }

  async listSharedBriefs(): Promise<SharedBriefRecord[]> {
    const rows = this.statements.listSharedBriefs.all() as Array<{ brief_id: string; workshop_id: string; centre_id: string; shared_at: number }>;
    return rows.map((row) => ({ briefId: row.brief_id, workshopId: row.workshop_id, centreId: row.centre_id, sharedAt: row.shared_at }));
  }

  async saveBriefCopy(copy: BriefCopyRecord): Promise<void> {
    this.write(() => this.statements.insertBriefCopy.run(copy));
  }

  async listBriefCopies(centreId: string): Promise<BriefCopyRecord[]> {
    const rows = this.statements.listBriefCopies.all(centreId) as Array<{ id: string; centre_id: string; content_json: string; copied_at: number }>;
    return rows.map((row) => ({ id: row.id, centreId: row.centre_id, contentJson: row.content_json, copiedAt: row.copied_at }));
  }

  async deleteWorkshop(workshopId: string): Promise<boolean> {
    const deleted = this.write(() => this.statements.deleteWorkshop.run(workshopId).changes === 1);
    if (deleted) this.wipeFreedPages();
    return deleted;
  }

  async eraseExpiredPersonalData(now: number): Promise<RetentionResult> {
    const result = this.write(() => {
      const expired = this.statements.expiredWorkshops.all(now) as Array<{ workshop_id: string }>;
      let workshops = 0;
      let participants = 0;
      for (const { workshop_id: workshopId } of expired) {
        const tokens = this.statements.deleteWorkshopTokens.run(workshopId).changes;
        const profiles = this.statements.eraseProfiles.run(workshopId).changes;
        this.statements.markErased.run(now, workshopId);
        if (tokens + profiles > 0) workshops += 1;
        participants += profiles;
      }
      return { workshops, participants };
    });
    if (result.workshops > 0) this.wipeFreedPages();
    return result;
  }

  async eraseParticipant(participantId: string): Promise<{ ideas: number; profile: boolean }> {
    const result = this.write(() => {
      const ideas = this.statements.deleteIdeasBy.run(participantId).changes;
      const profile = this.statements.deleteParticipant.run(participantId).changes === 1;
      return { ideas, profile };
    });
    if (result.ideas > 0 || result.profile) this.wipeFreedPages();
    return result;
  }
}
