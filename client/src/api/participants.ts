import type { JoinBody, JoinInfo, JoinResponse, ResumeBody } from '@gommette/shared';
import { requestJson } from './http';

export function fetchJoinInfo(joinCode: string, signal?: AbortSignal): Promise<JoinInfo> {
  return requestJson<JoinInfo>(`/api/join/${encodeURIComponent(joinCode)}`, { signal });
}

export function joinSite(joinCode: string, body: JoinBody): Promise<JoinResponse> {
  return requestJson<JoinResponse>(`/api/sites/${encodeURIComponent(joinCode)}/participants`, { method: 'POST', body });
}

export function resumeWithCard(body: ResumeBody): Promise<JoinResponse> {
  return requestJson<JoinResponse>('/api/participants/resume', { method: 'POST', body });
}
