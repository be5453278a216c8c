import type { CreateWorkshopBody, CreateWorkshopResponse, WorkshopState } from '@gommette/shared';
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
