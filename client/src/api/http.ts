import { ApiError, isErrorCode } from './errors';
import { isRecord } from '../storage/storage';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** A bearer token (a staff or participant token); a centre's session is its HttpOnly cookie. */
  token?: string;
  signal?: AbortSignal;
}

/*
 * The client's one HTTP client. Success bodies are the plain objects of the protocol (a 204
 * resolves with null); errors are `{ ok: false, code, message }` and become an `ApiError`
 * carrying the code, which `errorMessage(t, code)` says in the person's language.
 */

/** Sends a request; resolves with a successful response, throws an `ApiError` otherwise. */
export async function fetchOk(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('network', 0, error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) {
    const body = await readJson(response);
    const code = isRecord(body) && isErrorCode(body.code) ? body.code : statusToCode(response.status);
    const message = isRecord(body) && typeof body.message === 'string' ? body.message : response.statusText;
    throw new ApiError(code, response.status, message, retryAfterOf(body, response.headers.get('Retry-After')));
  }
  return response;
}

/** Calls the REST API and resolves with its JSON answer. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetchOk(path, options);
  if (response.status === 204) return null as T;
  const body = await readJson(response);
  if (body === null) throw new ApiError('internal', response.status, 'empty response');
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // An empty or non-JSON body (a proxy error page, for instance).
    return null;
  }
}

function statusToCode(status: number) {
  if (status === 400 || status === 422) return 'bad_request' as const;
  if (status === 401) return 'unauthorized' as const;
  if (status === 403) return 'forbidden' as const;
  if (status === 404) return 'not_found' as const;
  if (status === 409) return 'conflict' as const;
  if (status === 413) return 'too_large' as const;
  if (status === 429) return 'rate_limited' as const;
  return 'internal' as const;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The wait a refusal asks for: the body's `retryAfterMs`, else the Retry-After header (seconds). */
function retryAfterOf(body: unknown, header: string | null): number | undefined {
  if (isRecord(body) && typeof body.retryAfterMs === 'number' && Number.isFinite(body.retryAfterMs)) return Math.max(0, body.retryAfterMs);
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
}
