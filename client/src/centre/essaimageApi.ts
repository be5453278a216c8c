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
import { call } from './api';

/*
 * Kept apart from `api.ts`, which the phone's first bundle imports (for "Effacer mes
 * contributions"): these calls load with the centre's space only.
 */
const centrePath = (centreId: string) => `/api/centres/${encodeURIComponent(centreId)}`;
const workshopPath = (centreId: string, workshopId: string) => `${centrePath(centreId)}/workshops/${encodeURIComponent(workshopId)}`;
const linksPath = (centreId: string, workshopId: string) => `${workshopPath(centreId, workshopId)}/staff-links`;

export const essaimageApi = {
  questionnaires: (centreId: string) => call<QuestionnaireTemplateView[]>('GET', `${centrePath(centreId)}/questionnaires`),
  saveQuestionnaire: (centreId: string, body: { name: string; questionnaire: Questionnaire; shared: boolean }) =>
    call<QuestionnaireTemplateView>('POST', `${centrePath(centreId)}/questionnaires`, body),
  shareQuestionnaire: (centreId: string, id: string, shared: boolean) => call<{ shared: boolean }>('PATCH', `${centrePath(centreId)}/questionnaires/${encodeURIComponent(id)}`, { shared }),
  copyQuestionnaire: (centreId: string, id: string) => call<QuestionnaireTemplateView>('POST', `${centrePath(centreId)}/questionnaires/${encodeURIComponent(id)}/copy`, {}),
  briefs: (centreId: string) => call<CentreBriefLine[]>('GET', `${centrePath(centreId)}/briefs`),
  shareBrief: (centreId: string, briefId: string, shared: boolean) => call<{ shared: boolean }>('PUT', `${centrePath(centreId)}/briefs/${encodeURIComponent(briefId)}/shared`, { shared }),
  sharedBriefs: (centreId: string) => call<SharedBrief[]>('GET', `${centrePath(centreId)}/shared-briefs`),
  copyBrief: (centreId: string, briefId: string) => call<BriefCopyView>('POST', `${centrePath(centreId)}/shared-briefs/${encodeURIComponent(briefId)}/copy`, {}),
  briefCopies: (centreId: string) => call<BriefCopyView[]>('GET', `${centrePath(centreId)}/brief-copies`),
  staffLinks: (centreId: string, workshopId: string) => call<StaffLinkView[]>('GET', linksPath(centreId, workshopId)),
  issueStaffLink: (centreId: string, workshopId: string, role: StaffLinkRole) => call<StaffLinkView>('POST', linksPath(centreId, workshopId), { role }),
  revokeStaffLink: (centreId: string, workshopId: string, role: StaffLinkRole, linkId: string) =>
    call<null>('DELETE', `${linksPath(centreId, workshopId)}/${role}/${encodeURIComponent(linkId)}`),
  devices: (centreId: string, workshopId: string) => call<WorkshopDevicesView>('GET', `${workshopPath(centreId, workshopId)}/devices`),
  revokeScreenLink: (centreId: string, workshopId: string) => call<null>('DELETE', `${workshopPath(centreId, workshopId)}/screen-link`),
  revokeKioskLink: (centreId: string, workshopId: string, siteId: string) => call<null>('DELETE', `${workshopPath(centreId, workshopId)}/kiosks/${encodeURIComponent(siteId)}`),
  figuresCsvUrl: (centreId: string) => `${centrePath(centreId)}/figures.csv`,
  territoryCsvUrl: () => '/api/territory.csv',
};
