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
import { ApiError, isErrorCode } from '../api/errors';
import { isRecord } from '../storage/storage';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The space's REST calls. The session is an HttpOnly cookie the browser sends by itself; errors
 * become an `ApiError` with the server's code. A 204 resolves with null.
 */
export async function call<T>(method: Method, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError('network', 0, error instanceof Error ? error.message : 'network error');
  }
  if (response.status === 204) return null as T;
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // not JSON
  }
  if (!response.ok) {
    const code = isRecord(parsed) && isErrorCode(parsed.code) ? parsed.code : 'internal';
    throw new ApiError(code, response.status, isRecord(parsed) && typeof parsed.message === 'string' ? parsed.message : response.statusText);
  }
  return parsed as T;
}

const centrePath = (centreId: string) => `/api/centres/${encodeURIComponent(centreId)}`;

export const centreApi = {
  account: () => call<AccountView>('GET', '/api/account'),
  signIn: (login: string, password: string) => call<AccountView>('POST', '/api/account/sign-in', { login, password }),
  signOut: () => call<null>('POST', '/api/account/sign-out', {}),
  createCentre: (body: { name: string; town: string; admin?: { login: string; password: string } }) => call<AccountView>('POST', '/api/centres', body),
  lookupInvitation: (token: string) => call<InvitationLookup>('POST', '/api/invitations/lookup', { token }),
  acceptInvitation: (token: string, account?: { login: string; password: string }) => call<AccountView>('POST', '/api/invitations/accept', { token, account }),
  space: (centreId: string) => call<CentreSpace>('GET', centrePath(centreId)),
  invite: (centreId: string) => call<InvitationResponse>('POST', `${centrePath(centreId)}/invitations`, { role: 'facilitator' }),
  removeMember: (centreId: string, accountId: string) => call<null>('DELETE', `${centrePath(centreId)}/members/${encodeURIComponent(accountId)}`),
  createSeries: (centreId: string, title: string, question: string) => call<SeriesView>('POST', `${centrePath(centreId)}/series`, { title, question }),
  series: (centreId: string, seriesId: string) => call<SeriesDetail>('GET', `${centrePath(centreId)}/series/${encodeURIComponent(seriesId)}`),
  createWorkshop: (centreId: string, body: CreateWorkshopBody & { seriesId: string | null; questionnaireTemplateId?: string }) =>
    call<CreateWorkshopResponse>('POST', `${centrePath(centreId)}/workshops`, body),
  rotateConsoleLink: (centreId: string, workshopId: string) =>
    call<CentreWorkshopView>('POST', `${centrePath(centreId)}/workshops/${encodeURIComponent(workshopId)}/console-link`, {}),
  deleteWorkshop: (centreId: string, workshopId: string) => call<null>('DELETE', `${centrePath(centreId)}/workshops/${encodeURIComponent(workshopId)}`),
  templates: (centreId: string) => call<CentreTemplateView[]>('GET', `${centrePath(centreId)}/templates`),
  saveTemplate: (centreId: string, body: { name: string; description: string; phases: PhaseSpec[]; shared: boolean }) =>
    call<CentreTemplateView>('POST', `${centrePath(centreId)}/templates`, body),
  shareTemplate: (centreId: string, templateId: string, shared: boolean) =>
    call<{ shared: boolean }>('PATCH', `${centrePath(centreId)}/templates/${encodeURIComponent(templateId)}`, { shared }),
  copyTemplate: (centreId: string, templateId: string) => call<CentreTemplateView>('POST', `${centrePath(centreId)}/templates/${encodeURIComponent(templateId)}/copy`, {}),
  figures: (centreId: string) => call<CentreFiguresResponse>('GET', `${centrePath(centreId)}/figures`),
  territory: () => call<TerritoryFigures>('GET', '/api/territory'),
  settings: (centreId: string, body: CentreSettingsBody) => call<CentreView>('PATCH', `${centrePath(centreId)}/settings`, body),
  /** A CSV's headers come in `lang`, the page's language. */
  exportUrl: (centreId: string, file: 'everything.json' | `${CentreCsvTable}.csv`, lang?: string) =>
    `${centrePath(centreId)}/export/${file}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`,
  /** The resident's own erasure, with their participant token. */
  eraseMe: (participantToken: string) => call<EraseResponse>('POST', '/api/participants/me/erase', undefined, participantToken),
};
