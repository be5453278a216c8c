import type { CreateWorkshopBody, CreateWorkshopResponse, MethodTemplate, QuestionnaireResults, SaveTemplateBody, WorkshopState } from '@gommette/shared';
import { requestJson } from './http';

export function createWorkshop(body: CreateWorkshopBody, signal?: AbortSignal): Promise<CreateWorkshopResponse> {
  return requestJson<CreateWorkshopResponse>('/api/workshops', { method: 'POST', body, signal });
}

export function fetchWorkshopState(workshopId: string, token: string, signal?: AbortSignal): Promise<WorkshopState> {
  return requestJson<WorkshopState>(`/api/workshops/${encodeURIComponent(workshopId)}`, { token, signal });
}

/** The SVG QR code of a site's join URL, drawn by the server. */
export function qrCodeUrl(joinCode: string): string {
  return `/api/sites/${encodeURIComponent(joinCode)}/qr.svg`;
}

/** Built-in methods, then the ones facilitators saved. */
export function fetchTemplates(signal?: AbortSignal): Promise<MethodTemplate[]> {
  return requestJson<MethodTemplate[]>('/api/templates', { signal });
}

/** Saves the workshop's method for the next facilitators. */
export function saveTemplate(workshopId: string, token: string, body: SaveTemplateBody): Promise<MethodTemplate> {
  return requestJson<MethodTemplate>(`/api/workshops/${encodeURIComponent(workshopId)}/templates`, { method: 'POST', token, body });
}

/** The closing questionnaire's anonymous aggregate. */
export function fetchQuestionnaireResults(workshopId: string, token: string, signal?: AbortSignal): Promise<QuestionnaireResults> {
  return requestJson<QuestionnaireResults>(`/api/workshops/${encodeURIComponent(workshopId)}/questionnaire`, { token, signal });
}
