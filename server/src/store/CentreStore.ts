import type { CentreRole, MethodTemplate, Questionnaire, StaffLinkRole } from '@gommette/shared';

export interface CentreRecord {
  id: string;
  name: string;
  town: string;
  retentionDays: number | null;
  territoryOptIn: boolean;
  createdAt: number;
}

export interface AccountRecord {
  id: string;
  login: string;
  /** argon2id, made by the service; the store never sees a password. */
  passwordHash: string;
  createdAt: number;
}

export interface MemberRecord {
  centreId: string;
  accountId: string;
  login: string;
  role: CentreRole;
  createdAt: number;
}

export interface InvitationRecord {
  tokenHash: string;
  centreId: string;
  role: CentreRole;
  createdAt: number;
  expiresAt: number;
}

export interface SeriesRecord {
  id: string;
  centreId: string;
  title: string;
  question: string;
  createdAt: number;
}

export interface CentreWorkshopRecord {
  workshopId: string;
  centreId: string;
  seriesId: string | null;
  /** Order within its series (or within the centre for a workshop outside a series), from 1. */
  position: number;
  /** The member holding the console link: who made the workshop, or who took it by a rotation. */
  createdBy: string | null;
  facilitatorToken: string;
  personalDataErasedAt: number | null;
  /** Raised by each revocation of the projector's link alone (its token derives from it). */
  screenGeneration: number;
}

export interface TemplateScope {
  templateId: string;
  centreId: string;
  centreName: string;
  shared: boolean;
}

/** A table helper's or an observer's link to a centre's workshop (only its hash is kept). */
export interface StaffLinkRecord {
  tokenHash: string;
  workshopId: string;
  role: StaffLinkRole;
  /** 'initial' for the link made with the workshop; a random id for links issued later. */
  linkId: string;
  /** The member who made it; null when that account no longer exists. */
  issuedBy: string | null;
  createdAt: number;
  revokedAt: number | null;
}

/**
 * A new console link for a centre's workshop: the sealed token, who holds it from now on, the
 * hashes of everything derived from it, and the helper and observer links that replace the old
 * ones (every link not yet revoked is revoked at `now`).
 */
export interface ConsoleLinkRotation {
  workshopId: string;
  sealedFacilitatorToken: string;
  holder: string | null;
  hashes: { facilitator: string; screen: string; helper: string; observer: string };
  /** New token hash of each site kiosk already recorded, at its generation (sites without one get theirs when listed). */
  kioskHash: (siteId: string, generation: number) => string;
  staffLinks: StaffLinkRecord[];
  now: number;
}

export interface QuestionnaireTemplateRecord {
  id: string;
  centreId: string;
  name: string;
  questionnaire: Questionnaire;
  shared: boolean;
  createdAt: number;
}

export interface SharedBriefRecord {
  briefId: string;
  workshopId: string;
  centreId: string;
  sharedAt: number;
}

/** A shared brief copied by another centre: its anonymised content, as JSON text the service validates. */
export interface BriefCopyRecord {
  id: string;
  centreId: string;
  contentJson: string;
  copiedAt: number;
}

/** Who accepts an invitation: a new account, or one already signed in. */
export type Invitee = { newAccount: AccountRecord } | { accountId: string };

export type AcceptResult = { ok: true; centreId: string; accountId: string; role: CentreRole } | { ok: false; reason: 'invalid' | 'login_taken' };

export interface RetentionResult {
  workshops: number;
  participants: number;
}

/**
 * The centre's space: centres, accounts and their sessions, members, invitations, series, the link
 * of workshops and templates to centres, and the data-rights operations (deletion, retention,
 * a resident's erasure). Every method resolves once its write is committed.
 * Adapters: SQLite and PostgreSQL; the contract suite in `centreContract.ts` runs against each.
 */
export interface CentreStore {
  /** Creates the centre with its first admin, in one transaction. */
  createCentre(centre: CentreRecord, adminAccountId: string): Promise<void>;
  getCentre(centreId: string): Promise<CentreRecord | null>;
  updateCentre(centreId: string, changes: { retentionDays?: number | null; territoryOptIn?: boolean }): Promise<CentreRecord | null>;
  /** Centres that agreed to be added up in the territory view. */
  listTerritoryCentres(): Promise<CentreRecord[]>;

  /** Rejects with `UniqueViolationError` when the login is taken. */
  createAccount(account: AccountRecord): Promise<void>;
  getAccount(accountId: string): Promise<AccountRecord | null>;
  getAccountByLogin(login: string): Promise<AccountRecord | null>;

  createSession(tokenHash: string, accountId: string, createdAt: number, expiresAt: number): Promise<void>;
  /** The account of a session not yet expired at `now`. */
  getSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  /** The account's role in the centre; null when it is not (or no longer) a member. */
  getRole(centreId: string, accountId: string): Promise<CentreRole | null>;
  listMemberships(accountId: string): Promise<Array<{ centre: CentreRecord; role: CentreRole }>>;
  listMembers(centreId: string): Promise<MemberRecord[]>;
  /** Removes at once; false when it was not a member. Its workshops stay with the centre. */
  removeMember(centreId: string, accountId: string): Promise<boolean>;
  /** Admins left in the centre (the last one cannot be removed). */
  countAdmins(centreId: string): Promise<number>;

  createInvitation(invitation: InvitationRecord): Promise<void>;
  /**
   * Uses an invitation once, in one transaction with the account's creation (if new) and its
   * membership: a taken login leaves the invitation unused; a used or expired one is `invalid`.
   * A member invited again keeps the higher of its roles.
   */
  acceptInvitation(tokenHash: string, invitee: Invitee, now: number): Promise<AcceptResult>;
  /** The name of the centre an unused, unexpired invitation opens (nothing else), or null. */
  invitationCentreName(tokenHash: string, now: number): Promise<string | null>;

  createSeries(series: SeriesRecord): Promise<void>;
  getSeries(seriesId: string): Promise<SeriesRecord | null>;
  listSeries(centreId: string): Promise<SeriesRecord[]>;

  /** Links a workshop just created to the centre (and series), at the next position. */
  linkWorkshop(link: Omit<CentreWorkshopRecord, 'position' | 'personalDataErasedAt' | 'screenGeneration'>): Promise<CentreWorkshopRecord>;
  getCentreWorkshop(workshopId: string): Promise<CentreWorkshopRecord | null>;
  /** Oldest first. */
  listCentreWorkshops(centreId: string): Promise<CentreWorkshopRecord[]>;

  /** Saves a method in the centre's templates (and in `method_templates`), in one transaction. */
  saveCentreTemplate(template: MethodTemplate, centreId: string, shared: boolean, now: number): Promise<void>;
  setTemplateShared(templateId: string, centreId: string, shared: boolean): Promise<boolean>;
  listTemplateScopes(): Promise<TemplateScope[]>;

  /** Helper and observer links of centre workshops (see `StaffLinkRecord`). */
  insertStaffLink(link: StaffLinkRecord): Promise<void>;
  getStaffLink(tokenHash: string): Promise<StaffLinkRecord | null>;
  /** Oldest first, revoked ones included. */
  listStaffLinks(workshopId: string): Promise<StaffLinkRecord[]>;
  /** False when there is no such link or it was already revoked. */
  revokeStaffLink(workshopId: string, role: StaffLinkRole, linkId: string, now: number): Promise<boolean>;
  /**
   * Replaces a centre workshop's console link and everything derived from it, in one transaction
   * (workshop token hashes, kiosk token hashes, the sealed link and its holder, staff links).
   * False when the workshop is not a centre's.
   */
  rotateConsoleLink(rotation: ConsoleLinkRotation): Promise<boolean>;
  /**
   * Revokes the projector's link alone: from `generation - 1` to `generation`, with the new token's
   * hash, in one transaction. False when the workshop is not a centre's or was already moved on.
   */
  revokeScreenLink(workshopId: string, generation: number, screenTokenHash: string): Promise<boolean>;

  saveQuestionnaireTemplate(template: QuestionnaireTemplateRecord): Promise<void>;
  getQuestionnaireTemplate(templateId: string): Promise<QuestionnaireTemplateRecord | null>;
  /** The centre's own, then those other centres shared; oldest first within each. */
  listQuestionnaireTemplates(centreId: string): Promise<QuestionnaireTemplateRecord[]>;
  setQuestionnaireTemplateShared(templateId: string, centreId: string, shared: boolean): Promise<boolean>;

  /** Idempotent: sharing a shared brief again keeps its first date. */
  shareBrief(share: SharedBriefRecord): Promise<void>;
  unshareBrief(briefId: string, centreId: string): Promise<boolean>;
  /** Every shared brief of the instance, newest first. */
  listSharedBriefs(): Promise<SharedBriefRecord[]>;
  saveBriefCopy(copy: BriefCopyRecord): Promise<void>;
  /** Newest first. */
  listBriefCopies(centreId: string): Promise<BriefCopyRecord[]>;

  /**
   * Deletes a workshop and everything attached to it (sites, participants, their tokens, ideas,
   * the room, the centre's link), and wipes the freed pages from the file. False when unknown.
   */
  deleteWorkshop(workshopId: string): Promise<boolean>;
  /**
   * For centres with a retention period: in workshops older than it, deletes participant tokens
   * and erases card hashes and nicknames. Participants stay as anonymous rows (site, mood, kind,
   * table) and ideas stay, so counts and ideas are unchanged. Idempotent.
   */
  eraseExpiredPersonalData(now: number): Promise<RetentionResult>;
  /** A resident's own erasure: their ideas, then their profile and device tokens. Idempotent. */
  eraseParticipant(participantId: string): Promise<{ ideas: number; profile: boolean }>;
}
