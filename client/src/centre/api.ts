import type {
  CentreWorkshopView,
  InvitationLookup,
  AccountView,
  CentreCsvTable,
  CentreFiguresResponse,
  CentreSettingsBody,
  CentreSpace,
  CentreTemplateView,
  CentreView,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  EraseResponse,
  InvitationResponse,
  PhaseSpec,
  SeriesDetail,
  SeriesView,
  TerritoryFigures,
} from '@gommette/shared';
import { requestJson } from '../api/http';

/*
 * The space's REST calls, through the one HTTP client (`api/http.ts`). The session is an
 * HttpOnly cookie the browser sends by itself; a 204 resolves with null.
 */
const centrePath = (centreId: string) => `/api/centres/${encodeURIComponent(centreId)}`;

export const centreApi = {
  account: () => requestJson<AccountView>('/api/account'),
  signIn: (login: string, password: string) => requestJson<AccountView>('/api/account/sign-in', { method: 'POST', body: { login, password } }),
  signOut: () => requestJson<null>('/api/account/sign-out', { method: 'POST', body: {} }),
  createCentre: (body: { name: string; town: string; admin?: { login: string; password: string } }) =>
    requestJson<AccountView>('/api/centres', { method: 'POST', body }),
  lookupInvitation: (token: string) => requestJson<InvitationLookup>('/api/invitations/lookup', { method: 'POST', body: { token } }),
  acceptInvitation: (token: string, account?: { login: string; password: string }) =>
    requestJson<AccountView>('/api/invitations/accept', { method: 'POST', body: { token, account } }),
  space: (centreId: string) => requestJson<CentreSpace>(centrePath(centreId)),
  invite: (centreId: string) => requestJson<InvitationResponse>(`${centrePath(centreId)}/invitations`, { method: 'POST', body: { role: 'facilitator' } }),
  removeMember: (centreId: string, accountId: string) =>
    requestJson<null>(`${centrePath(centreId)}/members/${encodeURIComponent(accountId)}`, { method: 'DELETE' }),
  createSeries: (centreId: string, title: string, question: string) =>
    requestJson<SeriesView>(`${centrePath(centreId)}/series`, { method: 'POST', body: { title, question } }),
  series: (centreId: string, seriesId: string) => requestJson<SeriesDetail>(`${centrePath(centreId)}/series/${encodeURIComponent(seriesId)}`),
  createWorkshop: (centreId: string, body: CreateWorkshopBody & { seriesId: string | null; questionnaireTemplateId?: string }) =>
    requestJson<CreateWorkshopResponse>(`${centrePath(centreId)}/workshops`, { method: 'POST', body }),
  rotateConsoleLink: (centreId: string, workshopId: string) =>
    requestJson<CentreWorkshopView>(`${centrePath(centreId)}/workshops/${encodeURIComponent(workshopId)}/console-link`, { method: 'POST', body: {} }),
  deleteWorkshop: (centreId: string, workshopId: string) =>
    requestJson<null>(`${centrePath(centreId)}/workshops/${encodeURIComponent(workshopId)}`, { method: 'DELETE' }),
  templates: (centreId: string) => requestJson<CentreTemplateView[]>(`${centrePath(centreId)}/templates`),
  saveTemplate: (centreId: string, body: { name: string; description: string; phases: PhaseSpec[]; shared: boolean }) =>
    requestJson<CentreTemplateView>(`${centrePath(centreId)}/templates`, { method: 'POST', body }),
  shareTemplate: (centreId: string, templateId: string, shared: boolean) =>
    requestJson<{ shared: boolean }>(`${centrePath(centreId)}/templates/${encodeURIComponent(templateId)}`, { method: 'PATCH', body: { shared } }),
  copyTemplate: (centreId: string, templateId: string) =>
    requestJson<CentreTemplateView>(`${centrePath(centreId)}/templates/${encodeURIComponent(templateId)}/copy`, { method: 'POST', body: {} }),
  figures: (centreId: string) => requestJson<CentreFiguresResponse>(`${centrePath(centreId)}/figures`),
  territory: () => requestJson<TerritoryFigures>('/api/territory'),
  settings: (centreId: string, body: CentreSettingsBody) => requestJson<CentreView>(`${centrePath(centreId)}/settings`, { method: 'PATCH', body }),
  /** A CSV's headers come in `lang`, the page's language. */
  exportUrl: (centreId: string, file: 'everything.json' | `${CentreCsvTable}.csv`, lang?: string) =>
    `${centrePath(centreId)}/export/${file}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`,
  /** The resident's own erasure, with their participant token. */
  eraseMe: (participantToken: string) => requestJson<EraseResponse>('/api/participants/me/erase', { method: 'POST', token: participantToken }),
};
