import type { ParticipantSelf, Site, Workshop, WorkshopSummary } from '@gommette/shared';
import type { ParticipantRecord } from '../store/WorkshopStore';
import { siteLinks } from './links';

export function workshopSummary(workshop: Workshop, sites: ReadonlyArray<Site>, base: string): WorkshopSummary {
  return {
    id: workshop.id,
    title: workshop.title,
    question: workshop.question,
    purpose: workshop.purpose,
    createdAt: workshop.createdAt,
    sites: siteLinks(sites, base),
  };
}

/** What a resident sees of themselves (and nobody else does). */
export function selfView(participant: ParticipantRecord): ParticipantSelf {
  return { id: participant.id, siteId: participant.siteId, mood: participant.mood, nickname: participant.nickname, tableId: participant.tableId };
}
