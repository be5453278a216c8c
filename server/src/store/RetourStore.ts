import type { Brief, DomainError, FollowUpSettings } from '@gommette/shared';

/**
 * Briefs ("fiches solution") and each workshop's follow-up settings (finished, next meeting).
 * A brief is stored whole (its traces travel with it); `updateBrief` applies a pure change
 * inside one transaction, so two consoles editing at once never lose each other's write.
 * Every method resolves after its commit.
 */
export interface RetourStore {
  /** Idempotent by id: a resend returns the stored brief. */
  insertBrief(brief: Brief): Promise<Brief>;
  getBrief(workshopId: string, briefId: string): Promise<Brief | null>;
  /** Oldest first. */
  listBriefs(workshopId: string): Promise<Brief[]>;
  countBriefs(workshopId: string): Promise<number>;
  /** Reads, applies `change` and writes in one transaction; null when there is no such brief. */
  updateBrief(workshopId: string, briefId: string, change: (brief: Brief) => Brief | DomainError): Promise<Brief | DomainError | null>;
  getFollowUp(workshopId: string): Promise<FollowUpSettings>;
  /** Applies a change to the settings in one transaction; returns the saved settings. */
  updateFollowUp(workshopId: string, change: (settings: FollowUpSettings) => FollowUpSettings): Promise<FollowUpSettings>;
}
