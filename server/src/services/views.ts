import type { Site, Workshop, WorkshopSummary } from '@gommette/shared';
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
