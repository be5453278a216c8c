import type { CentreCsvTable } from '@gommette/shared';
import type { AppContext } from '../context';
import type { CsvCell } from '../retour/csv';
import type { CentreRecord } from '../store/CentreStore';
import { templatesFor } from './spaceViews';

type Row = Record<string, CsvCell>;

/**
 * Everything the centre holds, as tables of plain values. Ideas carry no author and participants
 * no id, nickname, card or token: the export tells what was said and who came (by site, kind, mood,
 * table), never who said what. Secrets (links, password hashes) are not exported.
 */
export async function exportCentre(ctx: AppContext, centre: CentreRecord): Promise<{ centre: Row } & Record<CentreCsvTable, Row[]>> {
  const links = await ctx.centres.listCentreWorkshops(centre.id);
  const workshops: Row[] = [];
  const sites: Row[] = [];
  const participants: Row[] = [];
  const ideas: Row[] = [];
  for (const link of links) {
    const workshop = await ctx.store.getWorkshop(link.workshopId);
    if (!workshop) continue;
    workshops.push({
      id: workshop.id,
      title: workshop.title,
      question: workshop.question,
      purpose: workshop.purpose,
      createdAt: new Date(workshop.createdAt).toISOString(),
      seriesId: link.seriesId,
      position: link.position,
      personalDataErasedAt: link.personalDataErasedAt === null ? null : new Date(link.personalDataErasedAt).toISOString(),
    });
    const siteList = await ctx.store.listSites(workshop.id);
    const siteName = new Map(siteList.map((site) => [site.id, site.name]));
    for (const site of siteList) sites.push({ workshopId: workshop.id, id: site.id, name: site.name, joinCode: site.joinCode });
    for (const person of await ctx.store.listParticipants(workshop.id)) {
      participants.push({
        workshopId: workshop.id,
        site: siteName.get(person.siteId) ?? null,
        kind: person.kind,
        mood: person.mood,
        table: person.tableId,
        joinedAt: new Date(person.createdAt).toISOString(),
      });
    }
    for (const idea of await ctx.store.listIdeas(workshop.id)) {
      ideas.push({
        workshopId: workshop.id,
        id: idea.id,
        site: siteName.get(idea.siteId) ?? null,
        table: idea.tableId,
        phase: idea.phaseId,
        origin: idea.origin,
        text: idea.text,
        originalText: idea.originalText,
        theme: idea.theme,
        hidden: idea.hidden,
        parked: idea.parked,
        mergedInto: idea.mergedInto,
        createdAt: new Date(idea.createdAt).toISOString(),
      });
    }
  }
  const series = (await ctx.centres.listSeries(centre.id)).map((item) => ({
    id: item.id,
    title: item.title,
    question: item.question,
    createdAt: new Date(item.createdAt).toISOString(),
  }));
  const members = (await ctx.centres.listMembers(centre.id)).map((member) => ({
    login: member.login,
    role: member.role,
    since: new Date(member.createdAt).toISOString(),
  }));
  const templates = (await templatesFor(ctx, centre.id))
    .filter((template) => template.scope === 'centre')
    .map((template) => ({
      id: template.id,
      name: template.name,
      description: template.description,
      shared: template.shared,
      steps: template.phases.map((phase) => phase.title).join(' → '),
    }));
  return {
    centre: {
      id: centre.id,
      name: centre.name,
      town: centre.town,
      retentionDays: centre.retentionDays,
      territoryOptIn: centre.territoryOptIn,
      createdAt: new Date(centre.createdAt).toISOString(),
    },
    workshops,
    sites,
    participants,
    ideas,
    series,
    members,
    templates,
  };
}

export const CSV_COLUMNS: Record<CentreCsvTable, ReadonlyArray<string>> = {
  workshops: ['id', 'title', 'question', 'purpose', 'createdAt', 'seriesId', 'position', 'personalDataErasedAt'],
  sites: ['workshopId', 'id', 'name', 'joinCode'],
  participants: ['workshopId', 'site', 'kind', 'mood', 'table', 'joinedAt'],
  ideas: ['workshopId', 'id', 'site', 'table', 'phase', 'origin', 'text', 'originalText', 'theme', 'hidden', 'parked', 'mergedInto', 'createdAt'],
  series: ['id', 'title', 'question', 'createdAt'],
  members: ['login', 'role', 'since'],
  templates: ['id', 'name', 'description', 'shared', 'steps'],
};
