import type { Brief, BriefStatusBody, FollowUpSettings, FollowUpView, MyFollowUpIdeas, ParticipationFigures, UpdateBriefBody } from '@gommette/shared';
import { downloadFile } from '../api/download';
import { requestJson } from '../api/http';

const base = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;

export function fetchBriefs(workshopId: string, token: string, signal?: AbortSignal): Promise<{ briefs: Brief[]; followUp: FollowUpSettings }> {
  return requestJson(`${base(workshopId)}/briefs`, { token, signal });
}

export function createBrief(workshopId: string, token: string, body: { title: string; ideaIds: string[] }): Promise<Brief> {
  return requestJson(`${base(workshopId)}/briefs`, { method: 'POST', token, body });
}

export function updateBrief(workshopId: string, token: string, briefId: string, body: UpdateBriefBody): Promise<Brief> {
  return requestJson(`${base(workshopId)}/briefs/${encodeURIComponent(briefId)}`, { method: 'PUT', token, body });
}

export function setBriefStatus(workshopId: string, token: string, briefId: string, body: BriefStatusBody): Promise<Brief> {
  return requestJson(`${base(workshopId)}/briefs/${encodeURIComponent(briefId)}/status`, { method: 'POST', token, body });
}

export function addBriefNews(workshopId: string, token: string, briefId: string, text: string): Promise<Brief> {
  return requestJson(`${base(workshopId)}/briefs/${encodeURIComponent(briefId)}/news`, { method: 'POST', token, body: { text } });
}

export function saveFollowUp(workshopId: string, token: string, body: { finished?: boolean; nextMeeting?: string | null }): Promise<FollowUpSettings> {
  return requestJson(`${base(workshopId)}/follow-up`, { method: 'PUT', token, body });
}

export function fetchFigures(workshopId: string, token: string, signal?: AbortSignal): Promise<ParticipationFigures> {
  return requestJson(`${base(workshopId)}/figures`, { token, signal });
}

/** Downloads an export (the token goes in a header, never in a link) and saves it under its name. */
export function downloadExport(workshopId: string, token: string, path: string): Promise<void> {
  return downloadFile(`${base(workshopId)}/${path}`, token);
}

export function fetchFollowUp(joinCode: string, signal?: AbortSignal): Promise<FollowUpView> {
  return requestJson(`/api/follow/${encodeURIComponent(joinCode)}`, { signal });
}

export function fetchMyFollowUpIdeas(joinCode: string, participantToken: string, signal?: AbortSignal): Promise<MyFollowUpIdeas> {
  return requestJson(`/api/follow/${encodeURIComponent(joinCode)}/mine`, { token: participantToken, signal });
}
