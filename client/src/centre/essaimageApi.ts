import type {
  BriefCopyView,
  CentreBriefLine,
  Questionnaire,
  QuestionnaireTemplateView,
  SharedBrief,
  StaffLinkRole,
  StaffLinkView,
  WorkshopDevicesView,
} from '@gommette/shared';
import { requestJson } from '../api/http';

/*
 * Kept apart from `api.ts`, which the phone's first bundle imports (for "Effacer mes
 * contributions"): these calls load with the centre's space only.
 */
const centrePath = (centreId: string) => `/api/centres/${encodeURIComponent(centreId)}`;
const workshopPath = (centreId: string, workshopId: string) => `${centrePath(centreId)}/workshops/${encodeURIComponent(workshopId)}`;
const linksPath = (centreId: string, workshopId: string) => `${workshopPath(centreId, workshopId)}/staff-links`;

export const essaimageApi = {
  questionnaires: (centreId: string) => requestJson<QuestionnaireTemplateView[]>(`${centrePath(centreId)}/questionnaires`),
  saveQuestionnaire: (centreId: string, body: { name: string; questionnaire: Questionnaire; shared: boolean }) =>
    requestJson<QuestionnaireTemplateView>(`${centrePath(centreId)}/questionnaires`, { method: 'POST', body }),
  shareQuestionnaire: (centreId: string, id: string, shared: boolean) =>
    requestJson<{ shared: boolean }>(`${centrePath(centreId)}/questionnaires/${encodeURIComponent(id)}`, { method: 'PATCH', body: { shared } }),
  copyQuestionnaire: (centreId: string, id: string) =>
    requestJson<QuestionnaireTemplateView>(`${centrePath(centreId)}/questionnaires/${encodeURIComponent(id)}/copy`, { method: 'POST', body: {} }),
  briefs: (centreId: string) => requestJson<CentreBriefLine[]>(`${centrePath(centreId)}/briefs`),
  shareBrief: (centreId: string, briefId: string, shared: boolean) =>
    requestJson<{ shared: boolean }>(`${centrePath(centreId)}/briefs/${encodeURIComponent(briefId)}/shared`, { method: 'PUT', body: { shared } }),
  sharedBriefs: (centreId: string) => requestJson<SharedBrief[]>(`${centrePath(centreId)}/shared-briefs`),
  copyBrief: (centreId: string, briefId: string) =>
    requestJson<BriefCopyView>(`${centrePath(centreId)}/shared-briefs/${encodeURIComponent(briefId)}/copy`, { method: 'POST', body: {} }),
  briefCopies: (centreId: string) => requestJson<BriefCopyView[]>(`${centrePath(centreId)}/brief-copies`),
  staffLinks: (centreId: string, workshopId: string) => requestJson<StaffLinkView[]>(linksPath(centreId, workshopId)),
  issueStaffLink: (centreId: string, workshopId: string, role: StaffLinkRole) =>
    requestJson<StaffLinkView>(linksPath(centreId, workshopId), { method: 'POST', body: { role } }),
  revokeStaffLink: (centreId: string, workshopId: string, role: StaffLinkRole, linkId: string) =>
    requestJson<null>(`${linksPath(centreId, workshopId)}/${role}/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
  devices: (centreId: string, workshopId: string) => requestJson<WorkshopDevicesView>(`${workshopPath(centreId, workshopId)}/devices`),
  revokeScreenLink: (centreId: string, workshopId: string) => requestJson<null>(`${workshopPath(centreId, workshopId)}/screen-link`, { method: 'DELETE' }),
  revokeKioskLink: (centreId: string, workshopId: string, siteId: string) =>
    requestJson<null>(`${workshopPath(centreId, workshopId)}/kiosks/${encodeURIComponent(siteId)}`, { method: 'DELETE' }),
  figuresCsvUrl: (centreId: string) => `${centrePath(centreId)}/figures.csv`,
  territoryCsvUrl: () => '/api/territory.csv',
};
