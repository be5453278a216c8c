import type pg from 'pg';
import type { CentreRole, MethodTemplate, StaffLinkRole } from '@gommette/shared';
import type {
  AcceptResult,
  AccountRecord,
  BriefCopyRecord,
  CentreRecord,
  CentreStore,
  CentreWorkshopRecord,
  Invitee,
  InvitationRecord,
  MemberRecord,
  QuestionnaireTemplateRecord,
  RetentionResult,
  SeriesRecord,
  SharedBriefRecord,
  StaffLinkRecord,
  ConsoleLinkRotation,
  TemplateScope,
} from '../CentreStore';
import { UniqueViolationError } from '../WorkshopStore';
import { BINARY } from './rows';
import { firstRow, query, rows, withTransaction, type Queryable } from './transaction';
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

interface SharedBriefRow {
  brief_id: string;
  workshop_id: string;
  centre_id: string;
  shared_at: number;
}
interface BriefCopyRow {
  id: string;
  centre_id: string;
  content_json: string;
  copied_at: number;
}

const DAY_MS = 24 * 60 * 60_000;
const ROLE_RANK: Record<CentreRole, number> = { facilitator: 1, admin: 2 };

const toSharedBrief = (row: SharedBriefRow): SharedBriefRecord => ({
  briefId: row.brief_id,
  workshopId: row.workshop_id,
  centreId: row.centre_id,
  sharedAt: row.shared_at,
});
const toBriefCopy = (row: BriefCopyRow): BriefCopyRecord => ({ id: row.id, centreId: row.centre_id, contentJson: row.content_json, copiedAt: row.copied_at });

const insertAccount = (db: Queryable, account: AccountRecord) =>
  query(db, `INSERT INTO accounts (id, login, password_hash, created_at) VALUES ($1, $2, $3, $4)`, [
    account.id,
    account.login,
    account.passwordHash,
    account.createdAt,
  ]);

const upsertMember = (db: Queryable, centreId: string, accountId: string, role: CentreRole, now: number) =>
  query(
    db,
    `INSERT INTO centre_members (centre_id, account_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (centre_id, account_id) DO UPDATE SET role = excluded.role`,
    [centreId, accountId, role, now],
  );

/**
 * The centre's space on PostgreSQL. Unlike SQLite's `secure_delete`, PostgreSQL does not overwrite
 * deleted rows: they stay in the table's pages until (auto)vacuum reuses the space, and in the WAL
 * and backups for as long as those are kept. Deletions and erasures are final for every reader of
 * the database, not for someone holding its files.
 */
export class PgCentreStore implements CentreStore {
  constructor(private readonly pool: pg.Pool) {}

  async createCentre(centre: CentreRecord, adminAccountId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query(`INSERT INTO centres (id, name, town, retention_days, territory_opt_in, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        centre.id,
        centre.name,
        centre.town,
        centre.retentionDays,
        centre.territoryOptIn,
        centre.createdAt,
      ]);
      await upsertMember(client, centre.id, adminAccountId, 'admin', centre.createdAt);
    });
  }

  async getCentre(centreId: string): Promise<CentreRecord | null> {
    const row = await firstRow<CentreRow>(this.pool, `SELECT * FROM centres WHERE id = $1`, [centreId]);
    return row ? toCentre(row) : null;
  }

  async updateCentre(centreId: string, changes: { retentionDays?: number | null; territoryOptIn?: boolean }): Promise<CentreRecord | null> {
    await withTransaction(this.pool, async (client) => {
      if (changes.retentionDays !== undefined) await client.query(`UPDATE centres SET retention_days = $1 WHERE id = $2`, [changes.retentionDays, centreId]);
      if (changes.territoryOptIn !== undefined)
        await client.query(`UPDATE centres SET territory_opt_in = $1 WHERE id = $2`, [changes.territoryOptIn, centreId]);
    });
    return this.getCentre(centreId);
  }

  async listTerritoryCentres(): Promise<CentreRecord[]> {
    return (await rows<CentreRow>(this.pool, `SELECT * FROM centres WHERE territory_opt_in ORDER BY name ${BINARY}, id ${BINARY}`)).map(toCentre);
  }

  async createAccount(account: AccountRecord): Promise<void> {
    await insertAccount(this.pool, account);
  }

  async getAccount(accountId: string): Promise<AccountRecord | null> {
    const row = await firstRow<AccountRow>(this.pool, `SELECT * FROM accounts WHERE id = $1`, [accountId]);
    return row ? toAccount(row) : null;
  }

  async getAccountByLogin(login: string): Promise<AccountRecord | null> {
    const row = await firstRow<AccountRow>(this.pool, `SELECT * FROM accounts WHERE login = $1`, [login]);
    return row ? toAccount(row) : null;
  }

  async createSession(tokenHash: string, accountId: string, createdAt: number, expiresAt: number): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query(`DELETE FROM account_sessions WHERE expires_at <= $1`, [createdAt]);
      await client.query(`INSERT INTO account_sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
        tokenHash,
        accountId,
        createdAt,
        expiresAt,
      ]);
    });
  }

  async getSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | null> {
    const row = await firstRow<AccountRow>(
      this.pool,
      `SELECT a.* FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    return row ? toAccount(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await query(this.pool, `DELETE FROM account_sessions WHERE token_hash = $1`, [tokenHash]);
  }

  async getRole(centreId: string, accountId: string): Promise<CentreRole | null> {
    const row = await firstRow<{ role: string }>(this.pool, `SELECT role FROM centre_members WHERE centre_id = $1 AND account_id = $2`, [centreId, accountId]);
    return row ? toRole(row.role) : null;
  }

  async listMemberships(accountId: string): Promise<Array<{ centre: CentreRecord; role: CentreRole }>> {
    const found = await rows<CentreRow & { member_role: string }>(
      this.pool,
      `SELECT c.*, m.role AS member_role FROM centre_members m JOIN centres c ON c.id = m.centre_id WHERE m.account_id = $1 ORDER BY c.name ${BINARY}, c.id ${BINARY}`,
      [accountId],
    );
    return found.map((row) => ({ centre: toCentre(row), role: toRole(row.member_role) }));
  }

  async listMembers(centreId: string): Promise<MemberRecord[]> {
    const found = await rows<{ centre_id: string; account_id: string; login: string; role: string; created_at: number }>(
      this.pool,
      `SELECT m.centre_id, m.account_id, a.login, m.role, m.created_at FROM centre_members m JOIN accounts a ON a.id = m.account_id
       WHERE m.centre_id = $1 ORDER BY m.created_at, a.login ${BINARY}`,
      [centreId],
    );
    return found.map((row) => ({ centreId: row.centre_id, accountId: row.account_id, login: row.login, role: toRole(row.role), createdAt: row.created_at }));
  }

  async removeMember(centreId: string, accountId: string): Promise<boolean> {
    return (await query(this.pool, `DELETE FROM centre_members WHERE centre_id = $1 AND account_id = $2`, [centreId, accountId])).rowCount === 1;
  }

  async countAdmins(centreId: string): Promise<number> {
    return (await firstRow<{ n: number }>(this.pool, `SELECT COUNT(*) AS n FROM centre_members WHERE centre_id = $1 AND role = 'admin'`, [centreId]))?.n ?? 0;
  }

  async createInvitation(invitation: InvitationRecord): Promise<void> {
    await query(this.pool, `INSERT INTO centre_invitations (token_hash, centre_id, role, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      invitation.tokenHash,
      invitation.centreId,
      invitation.role,
      invitation.createdAt,
      invitation.expiresAt,
    ]);
  }

  async invitationCentreName(tokenHash: string, now: number): Promise<string | null> {
    const row = await firstRow<{ name: string }>(
      this.pool,
      `SELECT c.name FROM centre_invitations i JOIN centres c ON c.id = i.centre_id WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2`,
      [tokenHash, now],
    );
    return row?.name ?? null;
  }

  async acceptInvitation(tokenHash: string, invitee: Invitee, now: number): Promise<AcceptResult> {
    try {
      return await withTransaction(this.pool, async (client): Promise<AcceptResult> => {
        // The UPDATE locks the invitation: a second acceptance waits, then finds it used.
        const used = await firstRow<{ centre_id: string; role: string }>(
          client,
          `UPDATE centre_invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING centre_id, role`,
          [now, tokenHash],
        );
        if (!used) return { ok: false, reason: 'invalid' };
        let accountId: string;
        if ('newAccount' in invitee) {
          await insertAccount(client, invitee.newAccount);
          accountId = invitee.newAccount.id;
        } else {
          accountId = invitee.accountId;
        }
        const invited = toRole(used.role);
        const current = await firstRow<{ role: string }>(client, `SELECT role FROM centre_members WHERE centre_id = $1 AND account_id = $2 FOR UPDATE`, [
          used.centre_id,
          accountId,
        ]);
        const role = current && ROLE_RANK[toRole(current.role)] > ROLE_RANK[invited] ? toRole(current.role) : invited;
        await upsertMember(client, used.centre_id, accountId, role, now);
        return { ok: true, centreId: used.centre_id, accountId, role };
      });
    } catch (error) {
      // The transaction rolled back: the invitation is still unused.
      if (error instanceof UniqueViolationError) return { ok: false, reason: 'login_taken' };
      throw error;
    }
  }

  async createSeries(series: SeriesRecord): Promise<void> {
    await query(this.pool, `INSERT INTO centre_series (id, centre_id, title, question, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      series.id,
      series.centreId,
      series.title,
      series.question,
      series.createdAt,
    ]);
  }

  async getSeries(seriesId: string): Promise<SeriesRecord | null> {
    const row = await firstRow<SeriesRow>(this.pool, `SELECT * FROM centre_series WHERE id = $1`, [seriesId]);
    return row ? toSeries(row) : null;
  }

  async listSeries(centreId: string): Promise<SeriesRecord[]> {
    return (await rows<SeriesRow>(this.pool, `SELECT * FROM centre_series WHERE centre_id = $1 ORDER BY created_at, id ${BINARY}`, [centreId])).map(toSeries);
  }

  async linkWorkshop(link: Omit<CentreWorkshopRecord, 'position' | 'personalDataErasedAt' | 'screenGeneration'>): Promise<CentreWorkshopRecord> {
    return withTransaction(this.pool, async (client) => {
      // Locks the series (or the centre) so two links at once never take the same position.
      const next = link.seriesId
        ? await firstRow<{ n: number }>(
            client,
            `WITH locked AS (SELECT id FROM centre_series WHERE id = $1 FOR UPDATE)
             SELECT COALESCE(MAX(position), 0) + 1 AS n FROM centre_workshops WHERE series_id = (SELECT id FROM locked)`,
            [link.seriesId],
          )
        : await firstRow<{ n: number }>(
            client,
            `WITH locked AS (SELECT id FROM centres WHERE id = $1 FOR UPDATE)
             SELECT COALESCE(MAX(position), 0) + 1 AS n FROM centre_workshops WHERE centre_id = (SELECT id FROM locked) AND series_id IS NULL`,
            [link.centreId],
          );
      const record: CentreWorkshopRecord = { ...link, position: next?.n ?? 1, personalDataErasedAt: null, screenGeneration: 0 };
      await client.query(
        `INSERT INTO centre_workshops (workshop_id, centre_id, series_id, position, created_by, facilitator_token) VALUES ($1, $2, $3, $4, $5, $6)`,
        [record.workshopId, record.centreId, record.seriesId, record.position, record.createdBy, record.facilitatorToken],
      );
      return record;
    });
  }

  async getCentreWorkshop(workshopId: string): Promise<CentreWorkshopRecord | null> {
    const row = await firstRow<CentreWorkshopRow>(this.pool, `SELECT * FROM centre_workshops WHERE workshop_id = $1`, [workshopId]);
    return row ? toCentreWorkshop(row) : null;
  }

  async listCentreWorkshops(centreId: string): Promise<CentreWorkshopRecord[]> {
    const found = await rows<CentreWorkshopRow>(
      this.pool,
      `SELECT cw.* FROM centre_workshops cw JOIN workshops w ON w.id = cw.workshop_id WHERE cw.centre_id = $1 ORDER BY w.created_at, w.id ${BINARY}`,
      [centreId],
    );
    return found.map(toCentreWorkshop);
  }

  async saveCentreTemplate(template: MethodTemplate, centreId: string, shared: boolean, now: number): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query(`INSERT INTO method_templates (id, name, description, phases_json, created_at) VALUES ($1, $2, $3, $4, $5)`, [
        template.id,
        template.name,
        template.description,
        JSON.stringify(template.phases),
        now,
      ]);
      await client.query(`INSERT INTO template_centres (template_id, centre_id, shared) VALUES ($1, $2, $3)`, [template.id, centreId, shared]);
    });
  }

  async setTemplateShared(templateId: string, centreId: string, shared: boolean): Promise<boolean> {
    return (
      (await query(this.pool, `UPDATE template_centres SET shared = $1 WHERE template_id = $2 AND centre_id = $3`, [shared, templateId, centreId])).rowCount ===
      1
    );
  }

  async listTemplateScopes(): Promise<TemplateScope[]> {
    const found = await rows<{ template_id: string; centre_id: string; shared: boolean; centre_name: string }>(
      this.pool,
      `SELECT t.template_id, t.centre_id, t.shared, c.name AS centre_name FROM template_centres t JOIN centres c ON c.id = t.centre_id`,
    );
    return found.map((row) => ({ templateId: row.template_id, centreId: row.centre_id, centreName: row.centre_name, shared: row.shared }));
  }

  async insertStaffLink(link: StaffLinkRecord): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO centre_staff_links (token_hash, workshop_id, role, link_id, issued_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [link.tokenHash, link.workshopId, link.role, link.linkId, link.issuedBy, link.createdAt, link.revokedAt],
    );
  }

  async getStaffLink(tokenHash: string): Promise<StaffLinkRecord | null> {
    const row = await firstRow<StaffLinkRow>(this.pool, `SELECT * FROM centre_staff_links WHERE token_hash = $1`, [tokenHash]);
    return row ? toStaffLink(row) : null;
  }

  async listStaffLinks(workshopId: string): Promise<StaffLinkRecord[]> {
    const found = await rows<StaffLinkRow>(
      this.pool,
      `SELECT * FROM centre_staff_links WHERE workshop_id = $1 ORDER BY created_at, role ${BINARY}, link_id ${BINARY}`,
      [workshopId],
    );
    return found.map(toStaffLink);
  }

  async revokeStaffLink(workshopId: string, role: StaffLinkRole, linkId: string, now: number): Promise<boolean> {
    const revoked = await query(
      this.pool,
      `UPDATE centre_staff_links SET revoked_at = $1 WHERE workshop_id = $2 AND role = $3 AND link_id = $4 AND revoked_at IS NULL`,
      [now, workshopId, role, linkId],
    );
    return revoked.rowCount === 1;
  }

  async rotateConsoleLink(rotation: ConsoleLinkRotation): Promise<boolean> {
    const { workshopId, hashes } = rotation;
    return withTransaction(this.pool, async (client) => {
      const linked = await client.query(`UPDATE centre_workshops SET facilitator_token = $1, created_by = $2 WHERE workshop_id = $3`, [
        rotation.sealedFacilitatorToken,
        rotation.holder,
        workshopId,
      ]);
      if (linked.rowCount !== 1) return false;
      await client.query(
        `UPDATE workshops SET facilitator_token_hash = $1, screen_token_hash = $2, helper_token_hash = $3, observer_token_hash = $4 WHERE id = $5`,
        [hashes.facilitator, hashes.screen, hashes.helper, hashes.observer, workshopId],
      );
      const kiosks = await client.query<{ site_id: string; generation: number }>(`SELECT site_id, generation FROM vote_kiosks WHERE workshop_id = $1`, [
        workshopId,
      ]);
      for (const { site_id: siteId, generation } of kiosks.rows) {
        await client.query(`UPDATE vote_kiosks SET token_hash = $1 WHERE site_id = $2 AND workshop_id = $3`, [
          rotation.kioskHash(siteId, Number(generation)),
          siteId,
          workshopId,
        ]);
      }
      await client.query(`UPDATE centre_staff_links SET revoked_at = $1 WHERE workshop_id = $2 AND revoked_at IS NULL`, [rotation.now, workshopId]);
      for (const link of rotation.staffLinks) {
        await client.query(
          `INSERT INTO centre_staff_links (token_hash, workshop_id, role, link_id, issued_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [link.tokenHash, link.workshopId, link.role, link.linkId, link.issuedBy, link.createdAt, link.revokedAt],
        );
      }
      return true;
    });
  }

  async revokeScreenLink(workshopId: string, generation: number, screenTokenHash: string): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const moved = await client.query(`UPDATE centre_workshops SET screen_generation = $1 WHERE workshop_id = $2 AND screen_generation = $3`, [
        generation,
        workshopId,
        generation - 1,
      ]);
      if (moved.rowCount !== 1) return false;
      await client.query(`UPDATE workshops SET screen_token_hash = $1 WHERE id = $2`, [screenTokenHash, workshopId]);
      return true;
    });
  }

  async saveQuestionnaireTemplate(template: QuestionnaireTemplateRecord): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO questionnaire_templates (id, centre_id, name, questionnaire_json, shared, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [template.id, template.centreId, template.name, JSON.stringify(template.questionnaire), template.shared, template.createdAt],
    );
  }

  async getQuestionnaireTemplate(templateId: string): Promise<QuestionnaireTemplateRecord | null> {
    const row = await firstRow<QuestionnaireTemplateRow>(this.pool, `SELECT * FROM questionnaire_templates WHERE id = $1`, [templateId]);
    return row ? toQuestionnaireTemplate(row) : null;
  }

  async listQuestionnaireTemplates(centreId: string): Promise<QuestionnaireTemplateRecord[]> {
    // The centre's own first (false sorts before true), then the shared ones of other centres.
    const found = await rows<QuestionnaireTemplateRow>(
      this.pool,
      `SELECT * FROM questionnaire_templates WHERE centre_id = $1 OR shared ORDER BY centre_id != $1, created_at, id ${BINARY}`,
      [centreId],
    );
    return found.map(toQuestionnaireTemplate);
  }

  async setQuestionnaireTemplateShared(templateId: string, centreId: string, shared: boolean): Promise<boolean> {
    return (
      (await query(this.pool, `UPDATE questionnaire_templates SET shared = $1 WHERE id = $2 AND centre_id = $3`, [shared, templateId, centreId])).rowCount === 1
    );
  }

  async shareBrief(share: SharedBriefRecord): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO shared_briefs (brief_id, workshop_id, centre_id, shared_at) VALUES ($1, $2, $3, $4) ON CONFLICT (brief_id) DO NOTHING`,
      [share.briefId, share.workshopId, share.centreId, share.sharedAt],
    );
  }

  async unshareBrief(briefId: string, centreId: string): Promise<boolean> {
    return (await query(this.pool, `DELETE FROM shared_briefs WHERE brief_id = $1 AND centre_id = $2`, [briefId, centreId])).rowCount === 1;
  }

  async listSharedBriefs(): Promise<SharedBriefRecord[]> {
    return (await rows<SharedBriefRow>(this.pool, `SELECT * FROM shared_briefs ORDER BY shared_at DESC, brief_id ${BINARY}`)).map(toSharedBrief);
  }

  async saveBriefCopy(copy: BriefCopyRecord): Promise<void> {
    await query(this.pool, `INSERT INTO brief_copies (id, centre_id, content_json, copied_at) VALUES ($1, $2, $3, $4)`, [
      copy.id,
      copy.centreId,
      copy.contentJson,
      copy.copiedAt,
    ]);
  }

  async listBriefCopies(centreId: string): Promise<BriefCopyRecord[]> {
    return (await rows<BriefCopyRow>(this.pool, `SELECT * FROM brief_copies WHERE centre_id = $1 ORDER BY copied_at DESC, id ${BINARY}`, [centreId])).map(
      toBriefCopy,
    );
  }

  async deleteWorkshop(workshopId: string): Promise<boolean> {
    // Foreign keys cascade into sites, participants, tokens, ideas, votes, boards, briefs and links.
    return (await query(this.pool, `DELETE FROM workshops WHERE id = $1`, [workshopId])).rowCount === 1;
  }

  async eraseExpiredPersonalData(now: number): Promise<RetentionResult> {
    return withTransaction(this.pool, async (client) => {
      const expired = await rows<{ workshop_id: string }>(
        client,
        `SELECT cw.workshop_id FROM centre_workshops cw JOIN centres c ON c.id = cw.centre_id JOIN workshops w ON w.id = cw.workshop_id
         WHERE c.retention_days IS NOT NULL AND w.created_at + c.retention_days::bigint * $2 <= $1`,
        [now, DAY_MS],
      );
      let workshops = 0;
      let participants = 0;
      for (const { workshop_id: workshopId } of expired) {
        const tokens = await client.query(`DELETE FROM participant_tokens WHERE participant_id IN (SELECT id FROM participants WHERE workshop_id = $1)`, [
          workshopId,
        ]);
        const profiles = await client.query(
          `UPDATE participants SET nickname = NULL, card_hash = 'erased:' || id
           WHERE workshop_id = $1 AND kind != 'paper' AND (nickname IS NOT NULL OR card_hash NOT LIKE 'erased:%')`,
          [workshopId],
        );
        await client.query(`UPDATE centre_workshops SET personal_data_erased_at = $1 WHERE workshop_id = $2 AND personal_data_erased_at IS NULL`, [
          now,
          workshopId,
        ]);
        if ((tokens.rowCount ?? 0) + (profiles.rowCount ?? 0) > 0) workshops += 1;
        participants += profiles.rowCount ?? 0;
      }
      return { workshops, participants };
    });
  }

  async eraseParticipant(participantId: string): Promise<{ ideas: number; profile: boolean }> {
    return withTransaction(this.pool, async (client) => {
      const ideas = await client.query(`DELETE FROM ideas WHERE participant_id = $1`, [participantId]);
      const profile = await client.query(`DELETE FROM participants WHERE id = $1 AND kind != 'paper'`, [participantId]);
      return { ideas: ideas.rowCount ?? 0, profile: profile.rowCount === 1 };
    });
  }
}
